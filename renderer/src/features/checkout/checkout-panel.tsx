import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMXN } from '../../format/money';
import { parsePesos, pesosText } from '../../format/parse-pesos';
import { useAppStore } from '../../store/store-context';
import { CardForm } from './card-form';
import { CashForm } from './cash-form';
import { PaymentProgress } from './payment-progress';
import { SaleCompleted } from './sale-completed';

/** Checkout: what is due, the tender forms (card, cash, split), and the payment in progress. */
export function CheckoutPanel() {
  const { t } = useTranslation();
  const tender = useAppStore((s) => s.tender);
  const active = useAppStore((s) => s.activePayment);
  const completed = useAppStore((s) => s.completed);
  const close = useAppStore((s) => s.closeCheckout);
  const due = tender?.due ?? 0;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  if (completed) return <SaleCompleted completed={completed} />;
  // A card part approved and some still due (split tender): its line, and the rest's tenders at once.
  const partlyPaid = active?.method === 'card' && active.status === 'approved' && due > 0;
  const showForms = !active || active.method === 'cash' || partlyPaid;
  return (
    <section className="checkout-panel" aria-labelledby="checkout-heading">
      <header className="checkout-header">
        <h2 id="checkout-heading">{t('checkout.title')}</h2>
        <button type="button" className="secondary" onClick={close}>
          {t('checkout.back')}
        </button>
      </header>
      {tender ? (
        <dl className="tender-summary">
          <div>
            <dt>{t('checkout.total')}</dt>
            <dd data-testid="tender-total">{formatMXN(tender.total)}</dd>
          </div>
          <div>
            <dt>{t('checkout.paid')}</dt>
            <dd data-testid="tender-paid">{formatMXN(tender.paid)}</dd>
          </div>
          <div className="grand-total">
            <dt>{t('checkout.due')}</dt>
            <dd data-testid="tender-due">{formatMXN(tender.due)}</dd>
          </div>
        </dl>
      ) : null}
      {partlyPaid ? (
        <p className="partly-paid" role="status" data-testid="partly-paid">
          {t('checkout.partlyPaid', {
            amount: formatMXN(active.amount + active.tip),
            last4: active.cardLast4 ?? '····',
            due: formatMXN(due),
          })}
        </p>
      ) : active && active.method === 'card' ? (
        <PaymentProgress payment={active} />
      ) : null}
      {/* Keyed by what is due: a partial payment resets the amount to what is left. */}
      {showForms && due > 0 ? <TenderForms key={due} due={due} /> : null}
    </section>
  );
}

// The tender keys (issue 14): F6 card, F7 cash, wherever focus is; the chosen form takes focus (its
// charge button for card, "Recibido" for cash), so a sale is charged without the mouse.
const TENDER_KEYS = { F6: 'card', F7: 'cash' } as const;

/** The amount of this payment (all that is due, or part of it for split tender) and the method's form. */
function TenderForms({ due }: { due: number }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<'card' | 'cash'>('card');
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const chosen = TENDER_KEYS[event.key as keyof typeof TENDER_KEYS];
      if (!chosen) return;
      event.preventDefault();
      setMethod(chosen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const [amountText, setAmountText] = useState(pesosText(due));
  const amount = parsePesos(amountText);
  const amountOk = amount !== null && amount > 0 && amount <= due;
  return (
    <>
      <label className="field">
        {t('checkout.amount')}
        <input
          inputMode="decimal"
          value={amountText}
          aria-invalid={!amountOk}
          onChange={(event) => setAmountText(event.target.value)}
        />
      </label>
      <p className="hint">{amountOk ? t('checkout.amountHint') : t('checkout.invalidAmount')}</p>
      <div className="choice-row" role="group" aria-label={t('checkout.method')}>
        <button
          type="button"
          className="chip big"
          aria-pressed={method === 'card'}
          aria-keyshortcuts="F6"
          onClick={() => setMethod('card')}
        >
          {t('checkout.card')} <kbd aria-hidden="true">F6</kbd>
        </button>
        <button
          type="button"
          className="chip big"
          aria-pressed={method === 'cash'}
          aria-keyshortcuts="F7"
          onClick={() => setMethod('cash')}
        >
          {t('checkout.cash')} <kbd aria-hidden="true">F7</kbd>
        </button>
      </div>
      {method === 'card' ? (
        <CardForm amount={amountOk ? amount : null} />
      ) : (
        <CashForm amount={amountOk ? amount : null} />
      )}
    </>
  );
}
