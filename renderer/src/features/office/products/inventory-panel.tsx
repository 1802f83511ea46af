import { useTranslation } from 'react-i18next';
import { formatMXN } from '../../../format/money';
import { formatMilli } from '../../../format/quantity';
import { useOfficeRead } from '../../../store/office/use-office';

/** The inventory at a glance: what is below its minimum, and what the shelves are worth at cost. */
export function InventoryPanel() {
  const { t } = useTranslation();
  const low = useOfficeRead('office.stock.lowStock', {}).value;
  const valuation = useOfficeRead('office.stock.valuation', {}).value;
  return (
    <section className="open-list inventory-panel" aria-labelledby="inventory-title">
      <h3 id="inventory-title">{t('officeProducts.inventory.title')}</h3>
      <h4>{t('officeProducts.inventory.lowStock')}</h4>
      {low && low.items.length === 0 ? <p>{t('officeProducts.inventory.noneLow')}</p> : null}
      {low && low.items.length > 0 ? (
        <ul data-testid="low-stock">
          {low.items.map((item) => (
            <li key={item.productId} className={item.negative ? 'low' : undefined}>
              {item.name} ({item.sku}): {formatMilli(item.stock, item.unit)} ·{' '}
              {t('officeProducts.inventory.minimum')}{' '}
              {item.minStock === null ? '—' : formatMilli(item.minStock, item.unit)}
            </li>
          ))}
        </ul>
      ) : null}
      <h4>{t('officeProducts.inventory.valuation')}</h4>
      {valuation ? (
        <>
          <p data-testid="inventory-value">
            {t('officeProducts.inventory.total')}: <strong>{formatMXN(valuation.total)}</strong>
          </p>
          {valuation.unknownCost.length > 0 ? (
            <p className="hint">
              {t('officeProducts.inventory.noCost')}: {valuation.unknownCost.map((p) => p.name).join(', ')}
            </p>
          ) : null}
          {valuation.negative.length > 0 ? (
            <p className="hint low">
              {t('officeProducts.inventory.negative')}: {valuation.negative.map((p) => p.name).join(', ')}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
