import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { MSI_MINIMUMS, msiAllowed } from '../../../../app/domain/payment';
import { formatMXN } from '../../format/money';
import { parsePesos } from '../../format/parse-pesos';
import { useAppStore } from '../../store/store-context';

const TIP_PRESETS = [10, 15, 20] as const;
const MSI_TERMS = Object.keys(MSI_MINIMUMS).map(Number);

/** Card tender: terminal, tip (presets or custom) and MSI when the amount reaches a term's minimum. */
export function CardForm({ amount }: { amount: number | null }) {
  const { t } = useTranslation();
  const terminals = useAppStore(useShallow((s) => s.terminals));
  const busy = useAppStore((s) => s.busy);
  const startCard = useAppStore((s) => s.startCard);
  const [terminal, setTerminal] = useState<string>('');
  const [tipPercent, setTipPercent] = useState<number | 'custom'>(0);
  const [customTip, setCustomTip] = useState('');
  const [msi, setMsi] = useState(0);

  const base = amount ?? 0;
  // Integer centavos: a percentage of an integer, rounded once to the nearest centavo.
  const tip = tipPercent === 'custom' ? parsePesos(customTip || '0') : Math.round((base * tipPercent) / 100);
  const allowedTerms = MSI_TERMS.filter((months) => msiAllowed(months, base));
  const chosenMsi = msiAllowed(msi, base) ? msi : 0;
  const smallest = MSI_MINIMUMS[MSI_TERMS[0] ?? 3] ?? 0;
  const defaultSerial = terminals.find((x) => x.isDefault)?.serial ?? terminals[0]?.serial ?? '';
  const serial = terminal || defaultSerial;
  const valid = amount !== null && amount > 0 && tip !== null && serial !== '';

  return (
    <form
      className="tender-form"
      aria-label={t('checkout.card')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        void startCard({ terminalSerial: serial, amount: base, tip: tip ?? 0, msi: chosenMsi });
      }}
    >
      {terminals.length > 1 ? (
        <label className="field">
          {t('checkout.terminal')}
          <select value={serial} onChange={(event) => setTerminal(event.target.value)}>
            {terminals.map((x) => (
              <option key={x.serial} value={x.serial}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <fieldset className="choice-row">
        <legend>{t('checkout.tip')}</legend>
        <button
          type="button"
          className="chip"
          aria-pressed={tipPercent === 0}
          onClick={() => setTipPercent(0)}
        >
          {t('checkout.noTip')}
        </button>
        {TIP_PRESETS.map((percent) => (
          <button
            key={percent}
            type="button"
            className="chip"
            aria-pressed={tipPercent === percent}
            onClick={() => setTipPercent(percent)}
          >
            {t('checkout.tipPercent', { percent })}
          </button>
        ))}
        <label className="field inline">
          {t('checkout.customTip')}
          <input
            inputMode="decimal"
            value={customTip}
            onChange={(event) => {
              setCustomTip(event.target.value);
              setTipPercent('custom');
            }}
          />
        </label>
        {tip !== null && tip > 0 ? <output data-testid="tip-amount">{formatMXN(tip)}</output> : null}
      </fieldset>
      <label className="field">
        {t('checkout.msi')}
        <select
          value={chosenMsi}
          onChange={(event) => setMsi(Number(event.target.value))}
          disabled={allowedTerms.length === 0}
        >
          <option value={0}>{t('checkout.msiNone')}</option>
          {allowedTerms.map((months) => (
            <option key={months} value={months}>
              {t('checkout.msiOption', { months })}
            </option>
          ))}
        </select>
      </label>
      {allowedTerms.length === 0 ? (
        <p className="hint">{t('checkout.msiUnavailable', { minimum: formatMXN(smallest) })}</p>
      ) : null}
      {/* After F8 the charge button has focus, so Enter charges the card (issue 14). */}
      <button type="submit" className="primary big" disabled={!valid || busy} autoFocus>
        {t('checkout.chargeCard', { amount: formatMXN(base + (tip ?? 0)) })}
      </button>
    </form>
  );
}
