import { useTranslation } from 'react-i18next';

/** The office's settings tab. */
export function SettingsTab() {
  const { t } = useTranslation();
  return (
    <section className="office-tab" aria-label={t('officeSettings.tab')}>
      <h2>{t('officeSettings.tab')}</h2>
    </section>
  );
}
