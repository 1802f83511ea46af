import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isFinalWithoutMoney, isUnresolved } from '../../../../app/domain/payment-status';
import type { PaymentView } from '../../../../app/domain/payment-view';
import { formatMXN } from '../../format/money';
import { useAppStore } from '../../store/store-context';
import { LateCancel } from './late-cancel';

// Reasons the i18n files explain in plain words; anything else is shown as Kushki gave it.
const KNOWN_REASONS = new Set([
  'rechazada',
  'rechazadaProsa',
  'rechazadaRiesgo',
  'kushki_101',
  'kushki_003',
  'kushki_001',
  'never_registered',
]);

/** Plain words for a `failureReason` such as `declined:rechazada`, `kushki:101` or `never_registered`. */
function reasonText(t: TFunction, reason: string | null): string | null {
  if (!reason) return null;
  const key = reason.startsWith('declined:') ? reason.slice('declined:'.length) : reason.replace(':', '_');
  return KNOWN_REASONS.has(key) ? t(`payment.reasons.${key}`) : t('payment.reasons.other', { reason: key });
}

/** The payment in progress, following the engine's events: what is happening and what the cashier can do. */
export function PaymentProgress({ payment }: { payment: PaymentView }) {
  const { t } = useTranslation();
  const terminals = useAppStore((s) => s.terminals);
  const retry = useAppStore((s) => s.retryCard);
  const cancel = useAppStore((s) => s.cancelPayment);
  const verify = useAppStore((s) => s.verifyPayment);
  const dismiss = useAppStore((s) => s.dismissPayment);
  const terminal =
    terminals.find((x) => x.serial === payment.terminalSerial)?.label ?? payment.terminalSerial ?? '';
  const pending = isUnresolved(payment.status);
  const reason = reasonText(t, payment.failureReason);
  return (
    <section
      className={`payment-progress status-${payment.status}`}
      aria-labelledby="payment-heading"
      data-testid="payment-progress"
      data-status={payment.status}
    >
      <h3 id="payment-heading">{t('payment.heading')}</h3>
      <p className="payment-amount">
        {t('payment.amountLine', { amount: formatMXN(payment.amount), terminal })}
        {payment.tip > 0 ? <span> · {t('payment.tipLine', { amount: formatMXN(payment.tip) })}</span> : null}
      </p>
      <p className="payment-status" role="status" aria-live="assertive" data-testid="payment-status">
        {t(`payment.status.${payment.status}`, { terminal })}
      </p>
      {payment.cancelOutcome === 'pending' ? (
        <p className="hint" data-testid="cancel-pending">
          {t('payment.cancelRequested')}
        </p>
      ) : null}
      {payment.cancelOutcome === 'too_late' ? <LateCancel payment={payment} saleCompleted={false} /> : null}
      {payment.status === 'unknown' ? (
        <div className="unknown-help" data-testid="unknown-help">
          <p>{t('payment.unknownHelp.verifying')}</p>
          <p>
            <strong>{t('payment.unknownHelp.doNotCharge')}</strong>
          </p>
          <p>{t('payment.unknownHelp.ifLeaving')}</p>
        </div>
      ) : null}
      {reason && payment.status !== 'approved' ? (
        <p className="payment-reason" data-testid="payment-reason">
          {reason}
        </p>
      ) : null}
      {payment.status === 'approved' && payment.cardLast4 ? (
        <p data-testid="approved-detail">
          {t('payment.approvedDetail', {
            brand: payment.cardBrand ?? '',
            last4: payment.cardLast4,
            auth: payment.authorizationCode ?? '—',
          })}
        </p>
      ) : null}
      {payment.uniqueReference ? (
        <p className="small">{t('payment.reference', { reference: payment.uniqueReference })}</p>
      ) : null}
      <div className="actions">
        {pending && payment.cancelable ? (
          <>
            <button type="button" className="danger" onClick={() => void cancel()}>
              {t('payment.cancel')}
            </button>
            <p className="hint">{t('payment.cancelHint')}</p>
          </>
        ) : null}
        {pending ? (
          <button type="button" className="secondary" onClick={() => void verify()}>
            {t('payment.verify')}
          </button>
        ) : null}
        {isFinalWithoutMoney(payment.status) ? (
          <>
            <button type="button" className="primary big" autoFocus onClick={() => void retry()}>
              {t('payment.retry')}
            </button>
            <button type="button" className="secondary" onClick={dismiss}>
              {t('payment.otherMethod')}
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
}
