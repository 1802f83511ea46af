import { useTranslation } from 'react-i18next';
import type { TransactionRow, TransactionTotals } from '../../../../../app/domain/office/transactions';
import { formatDateTime } from '../../../format/date-time';
import { formatMXN } from '../../../format/money';

/** Totals of the whole filtered set, the approved (collected) part shown apart from the rest. */
export function TransactionsTotals({ totals }: { totals: TransactionTotals }) {
  const { t } = useTranslation();
  const rest = {
    count: totals.count - totals.approvedCount,
    amount: formatMXN(totals.amount - totals.approvedAmount),
    tips: formatMXN(totals.tips - totals.approvedTips),
  };
  return (
    <section className="tx-totals" aria-labelledby="tx-totals-heading">
      <h3 id="tx-totals-heading">{t('officeTransactions.totals.heading')}</h3>
      <dl>
        <div>
          <dt>{t('officeTransactions.totals.count')}</dt>
          <dd data-testid="tx-total-count">{totals.count}</dd>
        </div>
        <div>
          <dt>{t('officeTransactions.totals.amount')}</dt>
          <dd data-testid="tx-total-amount">{formatMXN(totals.amount)}</dd>
        </div>
        <div>
          <dt>{t('officeTransactions.totals.tips')}</dt>
          <dd>{formatMXN(totals.tips)}</dd>
        </div>
        <div className="tx-approved">
          <dt>{t('officeTransactions.totals.approved')}</dt>
          <dd data-testid="tx-total-approved">
            {t('officeTransactions.totals.approvedLine', {
              count: totals.approvedCount,
              amount: formatMXN(totals.approvedAmount),
              tips: formatMXN(totals.approvedTips),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('officeTransactions.totals.rest')}</dt>
          <dd>{t('officeTransactions.totals.approvedLine', rest)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** The payments table, newest first, with a button per row that opens the payment's detail. */
export function TransactionsTable(props: { rows: TransactionRow[]; onOpen: (paymentId: number) => void }) {
  const { t, i18n } = useTranslation();
  const header = (key: string) => <th scope="col">{t(`officeTransactions.table.${key}`)}</th>;
  return (
    <div className="tx-table-wrap">
      <table className="tx-table">
        <caption>{t('officeTransactions.table.caption')}</caption>
        <thead>
          <tr>
            {header('time')}
            {header('sale')}
            {header('tender')}
            {header('status')}
            {header('amount')}
            {header('tip')}
            {header('card')}
            {header('authorization')}
            {header('reference')}
            {header('terminal')}
            {header('cashier')}
            {header('register')}
            {header('actions')}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id} data-testid="tx-row" data-payment-id={row.id}>
              <td>{formatDateTime(row.createdAt, i18n.language)}</td>
              <td>{row.saleId}</td>
              <td>{t(`officeTransactions.tender.${row.method}`)}</td>
              <td>
                <span className={`tx-status tx-status-${row.status}`}>
                  {t(`officeTransactions.status.${row.status}`)}
                </span>
              </td>
              <td className="num">{formatMXN(row.amount)}</td>
              <td className="num">{row.tip > 0 ? formatMXN(row.tip) : ''}</td>
              <td>
                {row.last4
                  ? t('officeTransactions.table.cardLine', { brand: row.cardBrand ?? '', last4: row.last4 })
                  : ''}
              </td>
              <td>{row.authorizationCode ?? ''}</td>
              <td className="tx-ref">{row.uniqueReference ?? ''}</td>
              <td>{row.terminalSerial ?? ''}</td>
              <td>{row.cashierName ?? ''}</td>
              <td data-testid="tx-register">{row.registerName}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('officeTransactions.table.openLabel', { id: row.id })}
                  onClick={() => props.onOpen(row.id)}
                >
                  {t('officeTransactions.table.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
