import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STORE_TIME_ZONES, type StoreTimeZone } from '../../../../../app/domain/store-time-zone';
import { useAppStore } from '../../../store/store-context';
import type { Status } from './status-line';
import { useSettingsCall } from './use-settings-call';

/**
 * The store's time zone after the wizard (a store that chose wrong, or moved). On success the app
 * info is read again so every date on the page follows the new zone at once.
 */
export function TimeZoneForm(props: { timeZone: StoreTimeZone; onStatus: (status: Status) => void }) {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const loadInfo = useAppStore((s) => s.loadInfo);
  const [zone, setZone] = useState(props.timeZone);
  const [saved, setSaved] = useState(props.timeZone);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await call('office.settings.timeZone.set', { timeZone: zone });
    if (outcome.ok) {
      setSaved(outcome.value.timeZone);
      await loadInfo();
      props.onStatus({ tone: 'ok', text: t('officeSettings.saved') });
    } else props.onStatus({ tone: 'error', text: outcome.message });
  };

  return (
    <form className="settings-form" onSubmit={save}>
      <label className="field">
        {t('officeSettings.store.timeZone')}
        <select
          value={zone}
          aria-describedby="settings-zone-hint"
          onChange={(e) => setZone(e.target.value as StoreTimeZone)}
        >
          {STORE_TIME_ZONES.map((option) => (
            <option key={option} value={option}>
              {t(`setup.zones.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint" id="settings-zone-hint">
        {t('officeSettings.store.timeZoneHint')}
      </p>
      <button type="submit" className="primary" disabled={zone === saved}>
        {t('officeSettings.store.saveTimeZone')}
      </button>
    </form>
  );
}
