import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LINE_QUANTITY } from '../../../../app/domain/cart-pricing';
import type { CartLine } from '../../../../app/domain/sale';
import { ModalDialog } from '../common/modal-dialog';

const DIGITS = ['7', '8', '9', '4', '5', '6', '1', '2', '3'] as const;

/** The typed quantity as a whole number of pieces in range, or null. */
export function parsePadQuantity(text: string): number | null {
  if (!/^\d{1,3}$/.test(text)) return null;
  const quantity = Number(text);
  return quantity >= 1 && quantity <= MAX_LINE_QUANTITY ? quantity : null;
}

/**
 * Sets a line's quantity by typing it (keyboard) or on a number pad (touch): the cashier who
 * rings twelve sodas types 12 instead of tapping + eleven times. The field starts selected, so
 * typing replaces the old quantity; Enter sets it; Escape leaves the line as it was.
 */
export function QuantityPad(props: {
  line: CartLine;
  onSet: (quantity: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(props.line.quantity));
  const [fresh, setFresh] = useState(true);
  const quantity = parsePadQuantity(text);
  const press = (digit: string) => {
    // The first tap replaces the shown quantity, as typing over the selected field does.
    setText((old) => (fresh ? digit : (old + digit).slice(0, 3)));
    setFresh(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (quantity !== null) props.onSet(quantity);
  };
  return (
    <ModalDialog labelledBy="quantity-pad-title" className="quantity-pad" onClose={props.onClose}>
      <form onSubmit={submit}>
        <h2 id="quantity-pad-title">{t('quantityPad.title', { name: props.line.name })}</h2>
        <label className="field">
          {t('cart.quantity')}
          <input
            autoFocus
            inputMode="numeric"
            value={text}
            maxLength={3}
            aria-invalid={quantity === null}
            aria-describedby="quantity-pad-hint"
            onFocus={(event) => event.currentTarget.select()}
            onChange={(event) => {
              setText(event.target.value.replace(/\D/g, ''));
              setFresh(false);
            }}
          />
        </label>
        <p className="hint" id="quantity-pad-hint">
          {quantity === null ? t('quantityPad.invalid', { max: MAX_LINE_QUANTITY }) : t('quantityPad.hint')}
        </p>
        <div className="number-pad" role="group" aria-label={t('quantityPad.pad')}>
          {DIGITS.map((digit) => (
            <button key={digit} type="button" onClick={() => press(digit)}>
              {digit}
            </button>
          ))}
          <button
            type="button"
            aria-label={t('quantityPad.erase')}
            onClick={() => setText((old) => old.slice(0, -1))}
          >
            ⌫
          </button>
          <button type="button" onClick={() => press('0')}>
            0
          </button>
          <button type="submit" className="primary" disabled={quantity === null}>
            {t('quantityPad.set')}
          </button>
        </div>
        <div className="dialog-actions">
          <button type="button" className="secondary big" onClick={props.onClose}>
            {t('quantityPad.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
