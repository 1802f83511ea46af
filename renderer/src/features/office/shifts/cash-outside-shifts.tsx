import { useTranslation } from 'react-i18next';
import type { CashOutsideShifts } from '../../../../../app/domain/office/reports';
import { formatDateTime } from '../../../format/date-time';
import { formatMXN } from '../../../format/money';

/** Cash the counter took while no shift was open: the total, and which payments (latest first). */
export function CashOutsideShiftsTable({ outside }: { outside: CashOutsideShifts }) {
  const { t, i18n } = useTranslation();
  const summary = t('officeShifts.report.outsideShifts', {
    count: outside.count,
    amount: formatMXN(outside.amount),
  });
  if (outside.count === 0) return <p>{summary}</p>;
  return (
    <table className="office-table" data-testid="cash-outside-shifts">
      <caption>{summary}</caption>
      <thead>
        <tr>
          <th scope="col">{t('officeShifts.outside.when')}</th>
          <th scope="col">{t('officeShifts.outside.sale')}</th>
          <th scope="col">{t('officeShifts.outside.cashier')}</th>
          <th scope="col" className="amount">
            {t('officeShifts.outside.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {outside.payments.map((p) => (
          <tr key={p.paymentId}>
            <th scope="row">{formatDateTime(p.at, i18n.language)}</th>
            <td>{p.saleId}</td>
            <td>{p.cashier ?? t('officeShifts.report.nobody')}</td>
            <td className="amount">{formatMXN(p.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
