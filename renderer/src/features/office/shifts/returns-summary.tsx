import { useTranslation } from 'react-i18next';
import { MILLI_PER_UNIT, type ReturnsSummary } from '../../../../../app/domain/office/returns';
import { formatMXN } from '../../../format/money';

/** Returns by item of a report's period: the total, cash and card, and by product (issue 14). */
export function ReturnsSummaryTable({ returns }: { returns: ReturnsSummary }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="returns-summary-heading" data-testid="returns-summary">
      <h3 id="returns-summary-heading">{t('officeShifts.returns.heading')}</h3>
      <p data-testid="returns-total">
        {t('officeShifts.returns.total', {
          count: returns.count,
          amount: formatMXN(returns.amount),
          cash: formatMXN(returns.cash),
          card: formatMXN(returns.card),
        })}
      </p>
      {returns.byProduct.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('officeShifts.returns.product')}</th>
              <th scope="col">{t('officeShifts.returns.quantity')}</th>
              <th scope="col">{t('officeShifts.returns.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {returns.byProduct.map((row) => (
              <tr key={row.productId}>
                <td>{row.name}</td>
                <td>{row.quantity / MILLI_PER_UNIT}</td>
                <td>{formatMXN(row.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
