import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UPDATE_FEED_URL_MAX, type UpdateSettings } from '../../../../../app/domain/updates';
import { StatusLine, type Status } from './status-line';
import { TextField } from './text-field';
import { useSettingsCall } from './use-settings-call';

/** The desktop's self-update: the toggle and the update server (issue 16, item 7). */
export function UpdatesSection(props: { updates: UpdateSettings }) {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const [updates, setUpdates] = useState(props.updates);
  const [status, setStatus] = useState<Status>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (updates.enabled && updates.feedUrl.trim() === '') {
      setStatus({ tone: 'error', text: t('officeUpdates.urlRequired') });
      return;
    }
    const outcome = await call('office.settings.updates.save', updates);
    if (outcome.ok) setUpdates(outcome.value);
    setStatus(
      outcome.ok ? { tone: 'ok', text: t('officeSettings.saved') } : { tone: 'error', text: outcome.message },
    );
  };
  return (
    <section className="settings-section" aria-labelledby="settings-updates-title">
      <h3 id="settings-updates-title">{t('officeUpdates.title')}</h3>
      <p className="hint">{t('officeUpdates.how')}</p>
      <p className="hint">{t('officeUpdates.desktopOnly')}</p>
      <form className="settings-form" onSubmit={save}>
        <label className="field inline">
          <input
            type="checkbox"
            checked={updates.enabled}
            onChange={(e) => setUpdates({ ...updates, enabled: e.target.checked })}
          />
          {t('officeUpdates.enabled')}
        </label>
        <TextField
          label={t('officeUpdates.feedUrl')}
          type="url"
          value={updates.feedUrl}
          maxLength={UPDATE_FEED_URL_MAX}
          hint={{ id: 'settings-updates-url-hint', text: t('officeUpdates.feedUrlHint') }}
          onChange={(feedUrl) => setUpdates({ ...updates, feedUrl })}
        />
        <button type="submit" className="primary">
          {t('officeUpdates.save')}
        </button>
        <StatusLine status={status} />
      </form>
    </section>
  );
}
