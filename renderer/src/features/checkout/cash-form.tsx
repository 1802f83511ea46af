import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMXN } from '../../format/money';
import { parsePesos, pesosText } from '../../format/parse-pesos';
import { useAppStore } from '../../store/store-context';

// Mexican bills a customer hands over, in centavos.
const QUICK_BILLS = [2_000, 5_000, 10_000, 20_000, 50_000, 100_000] as const;

/** Cash tender: what the customer handed over, the change due, and quick bills. */
export function CashForm({ amount }: { amount: number | null }) {
  const { t } = useTranslation();
  const busy = useAppStore((s) => s.busy);
  const payCash = useAppStore((s) => s.payCash);
  const [tenderedText, setTenderedText] = useState('');
  const tendered = parsePesos(tenderedText);
  const base = amount ?? 0;
  const change = tendered === null ? null : tendered - base;
  const valid = amount !== null && amount > 0 && change !== null && change >= 0;
  return (
    <form
      className="tender-form"
      aria-label={t('checkout.cash')}
      onSubmit={(event) => {
        event.preventDefault();
        if (valid && tendered !== null) void payCash(tendered, base);
      }}
    >
      <label className="field">
        {t('checkout.tendered')}
        {/* Focus lands on what the customer handed over: type it, Enter charges (issue 14). */}
        <input
          autoFocus
          inputMode="decimal"
          value={tenderedText}
          onChange={(event) => setTenderedText(event.target.value)}
        />
      </label>
      <fieldset className="choice-row">
        <legend>{t('checkout.quickBills')}</legend>
        <button type="button" className="chip" onClick={() => setTenderedText(pesosText(base))}>
          {t('checkout.exact')}
        </button>
        {QUICK_BILLS.filter((bill) => bill >= base || bill >= 50_000).map((bill) => (
          <button key={bill} type="button" className="chip" onClick={() => setTenderedText(pesosText(bill))}>
            {formatMXN(bill)}
          </button>
        ))}
      </fieldset>
      <p className="change-line" aria-live="polite">
        {change !== null && change >= 0 ? (
          <>
            {t('checkout.change')}: <strong data-testid="change-due">{formatMXN(change)}</strong>
          </>
        ) : change !== null ? (
          t('checkout.shortBy', { amount: formatMXN(-change) })
        ) : null}
      </p>
      <button type="submit" className="primary big" disabled={!valid || busy}>
        {t('checkout.chargeCash', { amount: formatMXN(base) })}
      </button>
    </form>
  );
}
