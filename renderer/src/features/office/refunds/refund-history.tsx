import { useTranslation } from 'react-i18next';
import type { RefundView } from '../../../../../app/domain/office/refunds';
import { formatDateTime } from '../../../format/date-time';
import { formatMXN } from '../../../format/money';

/** A table of refunds with their tracked status (requested → accepted → confirmed, or failed/unknown). */
export function RefundHistory({ refunds, caption }: { refunds: RefundView[]; caption: string }) {
  const { t, i18n } = useTranslation();
  if (refunds.length === 0) return null;
  return (
    <table className="office-table refund-history">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('officeRefunds.payment')}</th>
          <th scope="col">{t('officeRefunds.amount')}</th>
          <th scope="col">{t('officeRefunds.refund.kind')}</th>
          <th scope="col">{t('officeRefunds.refund.status')}</th>
          <th scope="col">{t('officeRefunds.refund.requestedBy')}</th>
          <th scope="col">{t('officeRefunds.when')}</th>
        </tr>
      </thead>
      <tbody>
        {refunds.map((refund) => (
          <tr key={refund.id} data-testid="refund-row">
            <td>{refund.paymentId}</td>
            <td className="money">{formatMXN(refund.amount)}</td>
            <td>{t(`officeRefunds.refund.kinds.${refund.kind}`)}</td>
            <td data-testid="refund-status" data-status={refund.status}>
              {t(`officeRefunds.refund.statuses.${refund.status}`)}
            </td>
            <td>{refund.requestedByName ?? '—'}</td>
            <td>{formatDateTime(refund.requestedAt, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
