import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../app/domain/catalog';
import { divideRoundHalfUp } from '../../../../../app/domain/money';
import { parseKilograms } from '../../../../../app/domain/weighed-line';
import { formatMXN } from '../../../format/money';
import { useAppStore } from '../../../store/store-context';
import { ModalDialog } from '../../common/modal-dialog';

const KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '.', '⌫'] as const;

/**
 * Asks the weight of a product sold by weight, in kilograms with up to three decimals (typed or on
 * the keypad), and shows what the line will cost before it is added. See [Note: weighed line money].
 */
export function WeightDialog({ product }: { product: Product }) {
  const { t } = useTranslation();
  const addWeighed = useAppStore((s) => s.addWeighed);
  const close = useAppStore((s) => s.closeWeighing);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const grams = parseKilograms(text);
  const perKg = product.unit === 'g' ? product.price * 1000 : product.price;
  const amount = grams === null ? null : divideRoundHalfUp(perKg * grams, 1000);
  const press = (key: (typeof KEYS)[number]) =>
    setText((current) => (key === '⌫' ? current.slice(0, -1) : `${current}${key}`.slice(0, 7)));
  return (
    <ModalDialog labelledBy="weight-title" className="weight-dialog" onClose={close}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (grams === null || busy) return;
          setBusy(true);
          void addWeighed(grams).finally(() => setBusy(false));
        }}
      >
        <h2 id="weight-title">{t('weigh.title', { name: product.name })}</h2>
        <p className="hint">{t('weigh.pricePerKg', { price: formatMXN(perKg) })}</p>
        <label className="field">
          {t('weigh.label')}
          <input
            name="weight"
            inputMode="decimal"
            autoComplete="off"
            data-autofocus
            placeholder="0.000"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <div className="keypad" role="group" aria-label={t('weigh.keypad')}>
          {KEYS.map((key) => (
            <button key={key} type="button" className="key" onClick={() => press(key)}>
              {key}
            </button>
          ))}
        </div>
        <p className="weight-amount" data-testid="weight-amount" aria-live="polite">
          {amount === null
            ? text
              ? t('weigh.invalid')
              : ' '
            : t('weigh.amount', { amount: formatMXN(amount) })}
        </p>
        <div className="actions">
          <button type="submit" className="primary" disabled={grams === null || busy}>
            {t('weigh.add')}
          </button>
          <button type="button" className="secondary" onClick={close}>
            {t('weigh.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
