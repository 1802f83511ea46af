import { useTranslation } from 'react-i18next';

/** The office's refunds tab. */
export function RefundsTab() {
  const { t } = useTranslation();
  return (
    <section className="office-tab" aria-label={t('officeRefunds.tab')}>
      <h2>{t('officeRefunds.tab')}</h2>
    </section>
  );
}
