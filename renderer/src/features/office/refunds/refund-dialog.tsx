import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMXN } from '../../../format/money';
import { parsePesos, pesosText } from '../../../format/parse-pesos';
import { formatCutoff } from './format-cutoff';
import { RefundHistory } from './refund-history';
import { useOfficeCommand, useOfficeRead } from '../../../store/office/use-office';

type Step = 'amount' | 'confirm';

/**
 * "Refund" for one card payment: opens a dialog that shows what is left, whether it will be a void or
 * a refund (decided on the trusted side by the 23:00 rule), asks for the amount in pesos (all that is
 * left by default), asks to confirm, then follows the refund's tracked status. Other tabs mount it.
 */
export function RefundButton({
  paymentId,
  suggestedAmount,
}: {
  paymentId: number;
  /** Centavos to propose instead of everything left (an overpayment's excess). */
  suggestedAmount?: number;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={t('officeRefunds.refund.buttonFor', { id: paymentId })}
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t('officeRefunds.refund.button')}
      </button>
      <dialog
        ref={dialog}
        className="refund-dialog"
        aria-labelledby={`refund-title-${paymentId}`}
        onClose={() => setOpen(false)}
      >
        {open ? (
          <RefundForm
            paymentId={paymentId}
            suggestedAmount={suggestedAmount}
            onClose={() => dialog.current?.close()}
          />
        ) : null}
      </dialog>
    </>
  );
}

function RefundForm({
  paymentId,
  suggestedAmount,
  onClose,
}: {
  paymentId: number;
  suggestedAmount: number | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { busy, run } = useOfficeCommand();
  const amountId = useId();
  // Refund outcomes arrive as payment updates, which invalidate both reads.
  const { value: preview } = useOfficeRead('office.refunds.preview', { paymentId });
  const { value: refunds } = useOfficeRead('office.refunds.list', { paymentId });
  const [text, setText] = useState('');
  const [step, setStep] = useState<Step>('amount');
  // The amount is proposed once per balance: on opening, and again after a refund changes it.
  const [proposedFor, setProposedFor] = useState<number | null>(null);
  const refundable = preview?.refundable ?? null;
  if (refundable !== null && proposedFor !== refundable) {
    // Set while rendering (React's way to derive state from a new answer, no effect needed): full
    // by default (or the overpayment's excess), never more than is left; later, what is left.
    const first = proposedFor === null;
    setText(pesosText(first ? Math.min(suggestedAmount ?? refundable, refundable) : refundable));
    setProposedFor(refundable);
  }

  const title = t('officeRefunds.refund.title', { id: paymentId });
  if (!preview) {
    return (
      <div className="refund-body">
        <h3 id={`refund-title-${paymentId}`}>{title}</h3>
        <p>{t('officeRefunds.loading')}</p>
      </div>
    );
  }
  const amount = parsePesos(text);
  const valid = amount !== null && amount > 0 && amount <= preview.refundable;
  const cutoff = formatCutoff(preview.cutoffAt, i18n.language);
  const card = `${preview.cardBrand ?? ''} ${preview.cardLast4 ? `•••• ${preview.cardLast4}` : ''}`.trim();
  const submit = async () => {
    if (!valid || amount === null) return;
    // What is left becomes the next default (the effect above), so a second refund starts from
    // the true balance.
    await run('office.refunds.create', { paymentId, amount });
    setStep('amount');
  };
  return (
    <div className="refund-body">
      <h3 id={`refund-title-${paymentId}`}>{title}</h3>
      <dl className="refund-figures">
        <dt>{t('officeRefunds.refund.charged')}</dt>
        <dd>{formatMXN(preview.charged)}</dd>
        <dt>{t('officeRefunds.refund.already')}</dt>
        <dd>{formatMXN(preview.alreadyRefunded)}</dd>
        <dt>{t('officeRefunds.refund.refundable')}</dt>
        <dd data-testid="refundable">{formatMXN(preview.refundable)}</dd>
      </dl>
      <p className={`refund-kind ${preview.kind}`} data-testid="refund-kind" data-kind={preview.kind}>
        {preview.kind === 'void'
          ? t('officeRefunds.refund.void', cutoff)
          : t('officeRefunds.refund.refundKind', cutoff)}
      </p>
      {preview.refundable === 0 ? (
        <p>{t('officeRefunds.refund.nothingLeft')}</p>
      ) : step === 'amount' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (valid) setStep('confirm');
          }}
        >
          <label className="field" htmlFor={amountId}>
            {t('officeRefunds.refund.amountLabel')}
          </label>
          <input
            id={amountId}
            className="refund-amount"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            aria-invalid={!valid}
            onChange={(e) => setText(e.target.value)}
          />
          <p className="hint">
            {!valid
              ? t('officeRefunds.refund.invalid', { max: formatMXN(preview.refundable) })
              : amount === preview.refundable
                ? t('officeRefunds.refund.full')
                : t('officeRefunds.refund.partial')}
          </p>
          <div className="actions">
            <button type="submit" className="primary" disabled={!valid}>
              {t('officeRefunds.refund.review')}
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              {t('officeRefunds.refund.close')}
            </button>
          </div>
        </form>
      ) : (
        <div className="refund-confirm" role="group" aria-label={t('officeRefunds.refund.confirm')}>
          <p>
            <strong>
              {t('officeRefunds.refund.confirmQuestion', {
                amount: formatMXN(amount ?? 0),
                card: card || '—',
              })}
            </strong>
          </p>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
              {t('officeRefunds.refund.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setStep('amount')}>
              {t('officeRefunds.refund.back')}
            </button>
          </div>
        </div>
      )}
      <RefundHistory refunds={refunds ?? []} caption={t('officeRefunds.refund.history')} />
      {preview.refundable === 0 ? (
        <button type="button" className="secondary" onClick={onClose}>
          {t('officeRefunds.refund.close')}
        </button>
      ) : null}
    </div>
  );
}
