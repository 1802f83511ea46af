import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IvaTreatment } from '../../../../../app/domain/products/product-record';
import { parsePesos } from '../../../format/parse-pesos';
import { useAppStore } from '../../../store/store-context';
import { PinInput } from '../../common/pin-input';
import { ModalDialog } from '../../common/modal-dialog';

const IVA_CHOICES: { key: string; iva: IvaTreatment }[] = [
  { key: '16', iva: { kind: 'rate', rateBp: 1600 } },
  { key: '8', iva: { kind: 'rate', rateBp: 800 } },
  { key: '0', iva: { kind: 'rate', rateBp: 0 } },
  { key: 'exempt', iva: { kind: 'exempt' } },
];

/**
 * An item not in the catalog: optional name, price typed in pesos, IVA (16 % unless chosen). Asks
 * for a manager's PIN only when the trusted side says the price is above the store's limit.
 */
export function OpenPriceDialog() {
  const { t } = useTranslation();
  const addOpenPrice = useAppStore((s) => s.addOpenPrice);
  const show = useAppStore((s) => s.showOpenPrice);
  const [name, setName] = useState('');
  const [priceText, setPriceText] = useState('');
  const [ivaKey, setIvaKey] = useState('16');
  const [pin, setPin] = useState('');
  const [needsManager, setNeedsManager] = useState(false);
  const [busy, setBusy] = useState(false);
  const price = parsePesos(priceText);
  const valid = price !== null && price > 0;
  const iva = IVA_CHOICES.find((c) => c.key === ivaKey)?.iva ?? { kind: 'rate', rateBp: 1600 };
  return (
    <ModalDialog labelledBy="open-price-title" className="open-price-dialog" onClose={() => show(false)}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid || busy) return;
          setBusy(true);
          void addOpenPrice({ name, price, iva, managerPin: needsManager ? pin : undefined })
            .then((outcome) => {
              if (outcome === 'needs_manager') setNeedsManager(true);
              setPin('');
            })
            .finally(() => setBusy(false));
        }}
      >
        <h2 id="open-price-title">{t('openPrice.title')}</h2>
        <label className="field">
          {t('openPrice.name')}
          <input
            name="name"
            maxLength={60}
            autoComplete="off"
            placeholder={t('openPrice.defaultName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          {t('openPrice.price')}
          <input
            name="price"
            inputMode="decimal"
            autoComplete="off"
            data-autofocus
            placeholder="0.00"
            value={priceText}
            onChange={(e) => setPriceText(e.target.value)}
          />
        </label>
        <fieldset className="iva-choice">
          <legend>{t('openPrice.iva')}</legend>
          {IVA_CHOICES.map((choice) => (
            <label key={choice.key} className="choice">
              <input
                type="radio"
                name="iva"
                value={choice.key}
                checked={ivaKey === choice.key}
                onChange={() => setIvaKey(choice.key)}
              />
              {t(`openPrice.ivaChoice.${choice.key}`)}
            </label>
          ))}
        </fieldset>
        {needsManager ? (
          <>
            <p className="hint" role="alert">
              {t('openPrice.needsManager')}
            </p>
            <PinInput inline autoFocus label={t('openPrice.managerPin')} value={pin} onChange={setPin} />
          </>
        ) : null}
        {priceText && !valid ? <p className="hint">{t('openPrice.invalid')}</p> : null}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={!valid || busy || (needsManager && pin.length < 4)}
          >
            {t('openPrice.add')}
          </button>
          <button type="button" className="secondary" onClick={() => show(false)}>
            {t('openPrice.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
