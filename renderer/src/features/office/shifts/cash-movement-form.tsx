import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePesos } from '../../../format/parse-pesos';

/** Cash in or cash out of the drawer, with a required reason. */
export function CashMovementForm(props: {
  busy: boolean;
  onSave: (movement: { kind: 'in' | 'out'; amount: number; reason: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const amount = parsePesos(amountText);
  const valid = amount !== null && amount > 0 && reason.trim().length > 0;
  return (
    <form
      className="cash-movement"
      aria-label={t('officeShifts.movement.title')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid || amount === null) return;
        void props.onSave({ kind, amount, reason: reason.trim() }).then((saved) => {
          if (!saved) return;
          setAmountText('');
          setReason('');
        });
      }}
    >
      <h4>{t('officeShifts.movement.title')}</h4>
      <fieldset className="choice-row">
        <legend>{t('officeShifts.movement.kind')}</legend>
        {(['in', 'out'] as const).map((option) => (
          <label key={option} className="field inline">
            <input type="radio" name="cash-kind" checked={kind === option} onChange={() => setKind(option)} />
            {t(`officeShifts.movement.${option}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('officeShifts.movement.amount')}
        <input
          inputMode="decimal"
          value={amountText}
          onChange={(event) => setAmountText(event.target.value)}
        />
      </label>
      <label className="field">
        {t('officeShifts.movement.reason')}
        <input maxLength={200} value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit" className="secondary" disabled={!valid || props.busy}>
        {t('officeShifts.movement.save')}
      </button>
    </form>
  );
}
