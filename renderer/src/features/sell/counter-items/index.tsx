import './counter-items.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../../store/store-context';
import { OpenPriceDialog } from './open-price-dialog';
import { WeightDialog } from './weight-dialog';

/** The counter's button for an item not in the catalog; F9 opens it too. */
export function CounterItemsBar() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const show = useAppStore((s) => s.showOpenPrice);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F9') return;
      event.preventDefault();
      const state = store.getState();
      if (!state.checkoutOpen && !state.weighing) state.showOpenPrice(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <div className="counter-items-bar">
      <button type="button" className="secondary" onClick={() => show(true)}>
        {t('openPrice.open')}
      </button>
    </div>
  );
}

/** The weight and open-price dialogs, shown over the counter when asked for. */
export function CounterItemsDialogs() {
  const weighing = useAppStore((s) => s.weighing);
  const openPriceOpen = useAppStore((s) => s.openPriceOpen);
  return (
    <>
      {weighing ? <WeightDialog key={weighing.id} product={weighing} /> : null}
      {openPriceOpen ? <OpenPriceDialog /> : null}
    </>
  );
}
