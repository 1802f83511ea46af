import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatMXN } from '../../format/money';
import { useAppStore } from '../../store/store-context';

/** Large product tiles; a tap (or Enter on a focused tile) adds one to the sale. */
export function ProductGrid() {
  const { t } = useTranslation();
  const results = useAppStore(useShallow((s) => s.results));
  const query = useAppStore((s) => s.query);
  // A product sold by weight opens the weight dialog instead (issue 14).
  const addOrWeigh = useAppStore((s) => s.addOrWeigh);
  return (
    <section className="product-grid" aria-label={t('sell.products')}>
      {results.length === 0 && query ? <p className="empty">{t('sell.noResults', { query })}</p> : null}
      <ul>
        {results.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="product-tile"
              aria-label={t('sell.addProduct', { name: p.name, price: formatMXN(p.price) })}
              onClick={() => void addOrWeigh(p)}
            >
              <span className="product-name">{p.name}</span>
              <span className="product-price">
                {formatMXN(p.price)}
                {p.soldByWeight ? `/${p.unit ?? 'kg'}` : ''}
              </span>
              <span className="product-sku">{p.sku}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
