import { useTranslation } from 'react-i18next';
import type { SaleTotals } from '../../../../app/domain/cart-pricing';
import { formatMXN, formatRate } from '../../format/money';

/** Subtotal, IVA per rate, and total, exactly as the core computed them. */
export function TotalsPanel({ totals }: { totals: SaleTotals }) {
  const { t } = useTranslation();
  return (
    <dl className="totals" data-testid="totals">
      <div>
        <dt>{t('totals.subtotal')}</dt>
        <dd data-testid="subtotal">{formatMXN(totals.subtotal)}</dd>
      </div>
      {totals.ivaBreakdown
        .filter((entry) => entry.rateBp > 0)
        .map((entry) => (
          <div key={entry.rateBp}>
            <dt>{t('totals.iva', { rate: formatRate(entry.rateBp) })}</dt>
            <dd data-testid={`iva-${entry.rateBp}`}>{formatMXN(entry.iva)}</dd>
          </div>
        ))}
      <div className="grand-total">
        <dt>{t('totals.total')}</dt>
        <dd data-testid="total">{formatMXN(totals.total)}</dd>
      </div>
    </dl>
  );
}
