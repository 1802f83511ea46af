import { useTranslation } from 'react-i18next';
import type { OverpaymentItem } from '../../../../../app/domain/office/refunds';
import { formatDateTime } from '../../../format/date-time';
import { formatMXN } from '../../../format/money';
import { RefundButton } from './refund-dialog';

/** Sales paid twice (a card approval after the sale was paid), each with a refund of the excess. */
export function Overpayments({ items }: { items: OverpaymentItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section
      id="open-overpayments"
      tabIndex={-1}
      className="open-list"
      aria-labelledby="open-overpayments-title"
    >
      <h3 id="open-overpayments-title">{t('officeRefunds.overpayments.heading')}</h3>
      <p className="hint">{t('officeRefunds.overpayments.intro')}</p>
      {items.length === 0 ? (
        <p>{t('officeRefunds.none')}</p>
      ) : (
        <table className="office-table">
          <thead>
            <tr>
              <th scope="col">{t('officeRefunds.sale')}</th>
              <th scope="col">{t('officeRefunds.overpayments.total')}</th>
              <th scope="col">{t('officeRefunds.payment')}</th>
              <th scope="col">{t('officeRefunds.when')}</th>
              <th scope="col">{t('officeRefunds.overpayments.excess')}</th>
              <th scope="col">{t('officeRefunds.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.paymentId} data-testid="overpayment">
                <td>{item.saleId}</td>
                <td className="money">{formatMXN(item.saleTotal)}</td>
                <td>
                  {item.paymentId} · {formatMXN(item.paymentAmount)}
                </td>
                <td>{formatDateTime(item.approvedAt, i18n.language)}</td>
                <td className="money">{formatMXN(item.excess)}</td>
                <td>
                  <RefundButton paymentId={item.paymentId} suggestedAmount={item.excess} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
