import { useTranslation } from 'react-i18next';

/** The office's shifts tab. */
export function ShiftsTab() {
  const { t } = useTranslation();
  return (
    <section className="office-tab" aria-label={t('officeShifts.tab')}>
      <h2>{t('officeShifts.tab')}</h2>
    </section>
  );
}
