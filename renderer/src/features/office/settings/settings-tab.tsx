import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsOverview } from '../../../../../app/domain/office/settings';
import { EnvironmentSection } from './environment-section';
import { RelaySection } from './relay-section';
import { SecretField } from './secret-field';
import { StoreSection } from './store-section';
import { TerminalsSection } from './terminals-section';
import { UpdatesSection } from './updates-section';
import { UsersSection } from './users-section';
import { useSettingsRead } from './use-settings-call';
import './settings.css';

/** The office's settings tab: store & receipt, environment, Kushki key, relay, terminals, users, updates. */
export function SettingsTab() {
  const { t } = useTranslation();
  const read = useSettingsRead();
  const [overview, setOverview] = useState<SettingsOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void read('office.settings.get', {}).then((outcome) =>
      outcome.ok ? setOverview(outcome.value) : setError(outcome.message),
    );
  }, [read]);
  return (
    <section className="office-tab settings-tab" aria-label={t('officeSettings.tab')}>
      <h2>{t('officeSettings.tab')}</h2>
      {overview ? (
        <div className="settings-grid">
          <StoreSection
            store={overview.store}
            receipt={overview.receipt}
            discountLimitBp={overview.discountLimitBp}
            timeZone={overview.timeZone}
          />
          <EnvironmentSection environment={overview.environment} />
          <section className="settings-section" aria-labelledby="settings-key-title">
            <h3 id="settings-key-title">{t('officeSettings.kushkiKey.title')}</h3>
            <SecretField
              name="kushki.apiKey"
              label={t('officeSettings.kushkiKey.label')}
              status={overview.secrets['kushki.apiKey']}
            />
          </section>
          <RelaySection relay={overview.relay} secrets={overview.secrets} />
          <TerminalsSection />
          <UsersSection />
          <UpdatesSection updates={overview.updates} />
        </div>
      ) : (
        <p role="status">{error ?? t('officeSettings.loading')}</p>
      )}
    </section>
  );
}
