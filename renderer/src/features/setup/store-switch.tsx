import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store-context';

/**
 * The manager's way between the stores (issue 13), in the top bar: from the demo, «Configurar mi
 * tienda» (until the real store exists) or «Ir a mi tienda»; from the real store, «Ir a la demo» for
 * training. The host refuses while a card payment is in flight, and says so.
 */
export function StoreSwitch() {
  const { t } = useTranslation();
  const store = useAppStore((s) => s.info?.store);
  const openSetup = useAppStore((s) => s.openSetup);
  const switchStore = useAppStore((s) => s.switchStore);
  if (!store) return null;
  if (store.kind === 'demo' && !store.realExists) {
    return (
      <button type="button" className="secondary" onClick={openSetup}>
        {t('setup.open')}
      </button>
    );
  }
  const to = store.kind === 'demo' ? 'real' : 'demo';
  return (
    <button type="button" className="secondary" onClick={() => void switchStore(to)}>
      {to === 'real' ? t('setup.toReal') : t('setup.toDemo')}
    </button>
  );
}
