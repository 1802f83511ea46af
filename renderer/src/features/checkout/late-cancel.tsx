import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentView } from '../../../../app/domain/payment-view';
import { formatMXN } from '../../format/money';
import { useAppStore } from '../../store/store-context';
import { PinInput } from '../common/pin-input';
import type { ManagerPinRefusal } from '../../store/store-types';

/**
 * The cashier asked to cancel, but the customer had already paid (see [Note: honest cancel]): say so
 * plainly, and offer the refund at once, with a manager's PIN, while the customer is still here.
 */
export function LateCancel({ payment, saleCompleted }: { payment: PaymentView; saleCompleted: boolean }) {
  const { t } = useTranslation();
  const charged = formatMXN(payment.amount + payment.tip);
  return (
    <div className="late-cancel" data-testid="late-cancel" data-payment-id={payment.id}>
      <p role="alert">
        <strong>{t(saleCompleted ? 'lateCancel.saleCompleted' : 'lateCancel.paymentApproved')}</strong>
      </p>
      {payment.status === 'approved' ? (
        <RefundNow paymentId={payment.id} amount={charged} />
      ) : (
        <p role="status" data-testid="late-cancel-refund-status">
          {payment.status === 'refunded'
            ? t('lateCancel.refunded', { amount: charged })
            : t('lateCancel.refundRequested')}
        </p>
      )}
    </div>
  );
}

/** The counter's refund: the whole charge, authorized by a manager's PIN on the trusted side. */
function RefundNow({ paymentId, amount }: { paymentId: number; amount: string }) {
  const { t } = useTranslation();
  const refund = useAppStore((s) => s.refundPayment);
  const [pin, setPin] = useState('');
  const [refusal, setRefusal] = useState<ManagerPinRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="late-cancel-refund"
      aria-label={t('lateCancel.refund', { amount })}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void refund(paymentId, pin).then((outcome) => {
          setBusy(false);
          setRefusal(outcome === 'not_a_manager' || outcome === 'wrong_manager_pin' ? outcome : null);
          setPin('');
        });
      }}
    >
      <p>{t('lateCancel.offer', { amount })}</p>
      <PinInput inline label={t('lateCancel.managerPin')} value={pin} onChange={setPin} />
      {refusal ? (
        <p className="hint" role="alert">
          {refusal === 'not_a_manager' ? t('errors.reasons.not_a_manager') : t('lateCancel.wrongPin')}
        </p>
      ) : null}
      <button type="submit" className="danger" disabled={busy || pin.length < 4}>
        {t('lateCancel.refund', { amount })}
      </button>
    </form>
  );
}
