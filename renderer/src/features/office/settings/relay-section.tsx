import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelaySettings, SecretName, SecretStatus } from '../../../../../app/domain/office/settings';
import { SecretField } from './secret-field';
import { TextField } from './text-field';
import { StatusLine, type Status } from './status-line';
import { useSettingsCall } from './use-settings-call';

/** The store's relay: URL and store id (plain settings), token and signing key (write-only). */
export function RelaySection(props: { relay: RelaySettings; secrets: Record<SecretName, SecretStatus> }) {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const [relay, setRelay] = useState(props.relay);
  const [status, setStatus] = useState<Status>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await call('office.settings.relay.save', relay);
    setStatus(
      outcome.ok ? { tone: 'ok', text: t('officeSettings.saved') } : { tone: 'error', text: outcome.message },
    );
  };
  return (
    <section className="settings-section" aria-labelledby="settings-relay-title">
      <h3 id="settings-relay-title">{t('officeSettings.relay.title')}</h3>
      <p className="hint">{t('officeSettings.relay.restartHint')}</p>
      <form className="settings-form" onSubmit={save}>
        <TextField
          label={t('officeSettings.relay.url')}
          type="url"
          value={relay.url}
          maxLength={300}
          onChange={(url) => setRelay({ ...relay, url })}
        />
        <TextField
          label={t('officeSettings.relay.storeId')}
          value={relay.storeId}
          maxLength={80}
          onChange={(storeId) => setRelay({ ...relay, storeId })}
        />
        <button type="submit" className="primary">
          {t('officeSettings.relay.save')}
        </button>
        <StatusLine status={status} />
      </form>
      <SecretField
        name="relay.streamToken"
        label={t('officeSettings.relay.token')}
        status={props.secrets['relay.streamToken']}
      />
      <SecretField
        name="relay.signingKey"
        label={t('officeSettings.relay.signingKey')}
        status={props.secrets['relay.signingKey']}
      />
    </section>
  );
}
