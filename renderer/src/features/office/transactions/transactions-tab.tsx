import { useTranslation } from 'react-i18next';

/** The office's transactions tab. */
export function TransactionsTab() {
  const { t } = useTranslation();
  return (
    <section className="office-tab" aria-label={t('officeTransactions.tab')}>
      <h2>{t('officeTransactions.tab')}</h2>
    </section>
  );
}
