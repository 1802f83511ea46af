import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../app/domain/catalog';
import { useShallow } from 'zustand/react/shallow';
import { formatMXN } from '../../format/money';
import { useAppStore } from '../../store/store-context';

function ProductTile({ product, highlighted }: { product: Product; highlighted: boolean }) {
  const { t } = useTranslation();
  const addProduct = useAppStore((s) => s.addProduct);
  const tile = useRef<HTMLButtonElement>(null);
  // The arrow keys move through results longer than the panel: the highlighted one stays in view.
  useEffect(() => {
    if (highlighted) tile.current?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);
  return (
    <li>
      <button
        ref={tile}
        id={`product-tile-${product.id}`}
        type="button"
        className={highlighted ? 'product-tile highlighted' : 'product-tile'}
        data-highlighted={highlighted || undefined}
        aria-label={t('sell.addProduct', { name: product.name, price: formatMXN(product.price) })}
        onClick={() => void addProduct(product.id)}
      >
        <span className="product-name">{product.name}</span>
        <span className="product-price">{formatMXN(product.price)}</span>
        <span className="product-sku">{product.sku}</span>
      </button>
    </li>
  );
}

/** Large product tiles; a tap (or Enter on a focused tile, or arrows + Enter in the search) adds one. */
export function ProductGrid() {
  const { t } = useTranslation();
  const results = useAppStore(useShallow((s) => s.results));
  const highlighted = useAppStore((s) => s.highlighted);
  const query = useAppStore((s) => s.query);
  return (
    <section className="product-grid" aria-label={t('sell.products')}>
      {results.length === 0 && query ? <p className="empty">{t('sell.noResults', { query })}</p> : null}
      <ul id="product-results">
        {results.map((p, index) => (
          <ProductTile key={p.id} product={p} highlighted={index === highlighted} />
        ))}
      </ul>
    </section>
  );
}
