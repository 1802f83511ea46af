import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../../app/domain/receipt';
import { formatDateTime } from '../../format/date-time';
import { formatMXN, formatRate } from '../../format/money';

/** The ticket, laid out for a narrow printer; print CSS hides everything else. */
export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const { t, i18n } = useTranslation();
  return (
    <article
      className="receipt"
      aria-label={t('receipt.title', { id: receipt.saleId })}
      data-testid="receipt"
    >
      <header>
        <strong>{receipt.storeName}</strong>
        {receipt.storeRfc ? <div data-testid="receipt-rfc">RFC {receipt.storeRfc}</div> : null}
        {receipt.storeAddress ? <div>{receipt.storeAddress}</div> : null}
        <div>{t('receipt.sale', { id: receipt.saleId })}</div>
        <div data-testid="receipt-date">{formatDateTime(receipt.completedAt, i18n.language)}</div>
        {receipt.cashier ? <div>{t('receipt.cashier', { name: receipt.cashier })}</div> : null}
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('receipt.item')}</th>
            <th scope="col">{t('receipt.qty')}</th>
            <th scope="col">{t('receipt.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line) => (
            <tr key={line.sku}>
              <td>
                {line.name}
                <div className="small">{formatMXN(line.unitPrice)}</div>
                {line.discount > 0 ? (
                  <div className="small">{t('discount.applied', { amount: formatMXN(line.discount) })}</div>
                ) : null}
              </td>
              <td>{line.quantity}</td>
              <td>{formatMXN(line.gross)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl>
        <div>
          <dt>{t('totals.subtotal')}</dt>
          <dd>{formatMXN(receipt.totals.subtotal)}</dd>
        </div>
        {receipt.totals.ivaBreakdown.map((entry) => (
          <div key={entry.rateBp}>
            <dt>{t('receipt.ivaLine', { rate: formatRate(entry.rateBp), base: formatMXN(entry.base) })}</dt>
            <dd>{formatMXN(entry.iva)}</dd>
          </div>
        ))}
        <div className="grand-total">
          <dt>{t('totals.total')}</dt>
          <dd data-testid="receipt-total">{formatMXN(receipt.totals.total)}</dd>
        </div>
      </dl>
      <ul className="receipt-payments">
        {receipt.payments.map((p, index) => (
          <li key={p.reference ?? `cash-${index}`} data-testid="receipt-payment">
            <div>
              {p.method === 'card' ? t('checkout.card') : t('checkout.cash')}: {formatMXN(p.amount)}
            </div>
            <div className="small" data-testid="receipt-payment-number">
              {t('receipt.paymentNumber', { id: p.paymentId })}
            </div>
            {p.tip > 0 ? <div>{t('payment.tipLine', { amount: formatMXN(p.tip) })}</div> : null}
            {p.msi > 0 ? <div>{t('checkout.msiOption', { months: p.msi })}</div> : null}
            {p.method === 'card' ? (
              <>
                <div>{t('receipt.card', { brand: p.cardBrand ?? '—', last4: p.cardLast4 ?? '····' })}</div>
                <div>{t('receipt.authorization', { code: p.authorizationCode ?? '—' })}</div>
                <div className="small">{t('payment.reference', { reference: p.reference ?? '' })}</div>
              </>
            ) : (
              <>
                <div>{t('receipt.tendered', { amount: formatMXN(p.tendered ?? p.amount) })}</div>
                <div>{t('receipt.change', { amount: formatMXN(p.change ?? 0) })}</div>
              </>
            )}
          </li>
        ))}
      </ul>
      <footer>{receipt.footer || t('receipt.thanks')}</footer>
    </article>
  );
}
