import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ReceiptView } from '../receipt/receipt-view';
import { formatMXN } from '../../format/money';
import type { CompletedSale } from '../../store/payment.slice';
import { useAppStore } from '../../store/store-context';
import { LateCancel } from './late-cancel';

/** The sale is paid: total, change to hand over, any cancel that came too late, and the next sale. */
export function SaleCompleted({ completed }: { completed: CompletedSale }) {
  const { t } = useTranslation();
  const close = useAppStore((s) => s.closeCheckout);
  const receipt = useAppStore((s) => s.receipt);
  const loadReceipt = useAppStore((s) => s.loadReceipt);
  const printReceipt = useAppStore((s) => s.printReceipt);
  useEffect(() => {
    void loadReceipt(completed.saleId);
  }, [completed.saleId, loadReceipt]);
  return (
    <section className="checkout-panel sale-completed" aria-labelledby="completed-heading">
      <h2 id="completed-heading" data-testid="sale-completed">
        {t('checkout.completed')}
      </h2>
      <p>{t('checkout.completedTotal', { amount: formatMXN(completed.total) })}</p>
      {completed.change > 0 ? (
        <p className="change-line">{t('checkout.changeDue', { amount: formatMXN(completed.change) })}</p>
      ) : null}
      {/* Honest cancel: a "sale completed" after the cashier asked to cancel must say why. */}
      {completed.lateCancels.map((payment) => (
        <LateCancel key={payment.id} payment={payment} saleCompleted />
      ))}
      <div className="actions">
        <button type="button" className="primary big" autoFocus onClick={close}>
          {t('checkout.newSale')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!receipt}
          onClick={() => void printReceipt(completed.saleId)}
        >
          {t('receipt.print')}
        </button>
      </div>
      {receipt?.saleId === completed.saleId ? <ReceiptView receipt={receipt} /> : null}
    </section>
  );
}
