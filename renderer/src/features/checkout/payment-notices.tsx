import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentNotice } from '../../../../app/domain/payment-notice';
import { formatDateTime } from '../../format/date-time';
import { formatMXN } from '../../format/money';
import { useAppStore } from '../../store/store-context';
import { ReceiptView } from '../receipt/receipt-view';

/**
 * How the card payments that were in doubt when Caja stopped ended, in the place of the product side
 * until the cashier acknowledges each. See [Note: payments in doubt at start-up].
 */
export function PaymentNotices({ notices }: { notices: PaymentNotice[] }) {
  const { t } = useTranslation();
  return (
    <section className="checkout-panel payment-notices" aria-labelledby="payment-notices-heading">
      <h2 id="payment-notices-heading">{t('paymentNotices.title')}</h2>
      <p>{t('paymentNotices.intro')}</p>
      <ul className="payment-notice-list">
        {notices.map((notice) => (
          <NoticeItem key={notice.paymentId} notice={notice} />
        ))}
      </ul>
    </section>
  );
}

function NoticeItem({ notice }: { notice: PaymentNotice }) {
  const { t, i18n } = useTranslation();
  const acknowledge = useAppStore((s) => s.acknowledgePaymentNotice);
  const receipt = useAppStore((s) => s.receipt);
  const loadReceipt = useAppStore((s) => s.loadReceipt);
  const printReceipt = useAppStore((s) => s.printReceipt);
  const printWanted = useRef(false);
  const shown = receipt?.saleId === notice.saleId ? receipt : null;
  // Print once the receipt is on screen: with no receipt printer, the print dialog prints it from there.
  useEffect(() => {
    if (!printWanted.current || !shown) return;
    printWanted.current = false;
    void printReceipt(shown.saleId);
  }, [shown, printReceipt]);
  const params = {
    sale: notice.saleId,
    amount: formatMXN(notice.amount + notice.tip),
    ended: t(`paymentNotices.ended.${notice.status}`, { defaultValue: notice.status }),
  };
  return (
    <li
      className={`payment-notice outcome-${notice.outcome}`}
      data-testid="payment-notice"
      data-outcome={notice.outcome}
    >
      <p role="alert">
        <strong>{t(`paymentNotices.outcome.${notice.outcome}`, params)}</strong>
      </p>
      {notice.cardLast4 ? (
        <p className="small">
          {t('payment.approvedDetail', {
            brand: notice.cardBrand ?? '',
            last4: notice.cardLast4,
            auth: notice.authorizationCode ?? '—',
          })}
        </p>
      ) : null}
      <p className="small">
        {t('paymentNotices.started', {
          time: formatDateTime(notice.startedAt, i18n.language),
          reference: notice.uniqueReference ?? '—',
        })}
      </p>
      <div className="actions">
        {notice.outcome === 'sale_completed' ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              if (shown) {
                void printReceipt(shown.saleId);
                return;
              }
              printWanted.current = true;
              void loadReceipt(notice.saleId);
            }}
          >
            {t('receipt.reprint')}
          </button>
        ) : null}
        <button
          type="button"
          className="secondary"
          aria-label={t('paymentNotices.acknowledgeSale', { sale: notice.saleId })}
          onClick={() => void acknowledge(notice.paymentId)}
        >
          {t('paymentNotices.acknowledge')}
        </button>
      </div>
      {shown ? <ReceiptView receipt={shown} /> : null}
    </li>
  );
}
