import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../../app/domain/sale';
import { parsePesos } from '../../format/parse-pesos';
import { useAppStore } from '../../store/store-context';
import { PinInput } from '../common/pin-input';
import type { ManagerPinRefusal } from '../../store/store-types';

/** The per-line discount form; asks for a manager's PIN only when the trusted side says so. */
export function LineDiscount({ line, onDone }: { line: CartLine; onDone: () => void }) {
  const { t } = useTranslation();
  const setDiscount = useAppStore((s) => s.setDiscount);
  const [percent, setPercent] = useState(line.discountBp ? String(line.discountBp / 100) : '');
  const [pin, setPin] = useState('');
  const [needsManager, setNeedsManager] = useState(false);
  const [refusal, setRefusal] = useState<ManagerPinRefusal | null>(null);
  // "12.5" % parses like pesos to 1250, which is exactly the rate in basis points.
  const bp = parsePesos(percent || '0');
  const valid = bp !== null && bp <= 10_000;
  return (
    <form
      className="line-discount"
      aria-label={t('discount.button', { name: line.name })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid || bp === null) return;
        void setDiscount(line.id, bp, needsManager ? pin : undefined).then((outcome) => {
          if (outcome === 'ok') onDone();
          else if (outcome === 'needs_manager') setNeedsManager(true);
          setRefusal(outcome === 'not_a_manager' || outcome === 'wrong_manager_pin' ? outcome : null);
          setPin('');
        });
      }}
    >
      <label className="field inline">
        {t('discount.label')}
        <input inputMode="decimal" autoFocus value={percent} onChange={(e) => setPercent(e.target.value)} />
      </label>
      {needsManager ? (
        <>
          <p className="hint" role="alert">
            {refusal ? t(`errors.reasons.${refusal}`) : t('discount.needsManager')}
          </p>
          <PinInput inline label={t('discount.managerPin')} value={pin} onChange={setPin} />
        </>
      ) : null}
      {!valid ? <p className="hint">{t('discount.invalid')}</p> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={!valid || (needsManager && pin.length < 4)}>
          {t('discount.apply')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('discount.cancel')}
        </button>
      </div>
    </form>
  );
}
