import { useTranslation } from 'react-i18next';
import type { HomeCounts } from '../../../../../app/domain/office/refunds';

/** Each count and the list it links to (the section ids in the refunds tab). */
const COUNTS = [
  { key: 'unknownPayments', target: 'open-unknown' },
  { key: 'unmatchedWebhooks', target: 'open-webhooks' },
  { key: 'refundsInFlight', target: 'open-refunds' },
  { key: 'overpayments', target: 'open-overpayments' },
] as const;

/** The manager's home: four counts, each a link to its list below. */
export function HomeCountsBar({ counts }: { counts: HomeCounts | undefined }) {
  const { t } = useTranslation();
  return (
    <nav className="home-counts" aria-label={t('officeRefunds.counts.label')}>
      <ul>
        {COUNTS.map(({ key, target }) => {
          const value = counts?.[key];
          return (
            <li key={key}>
              <a
                href={`#${target}`}
                data-testid={`count-${key}`}
                className={value ? 'has-items' : undefined}
                onClick={(event) => {
                  // Hash links would change the app's URL; scroll and focus the list instead.
                  event.preventDefault();
                  const section = document.getElementById(target);
                  section?.scrollIntoView({ block: 'start' });
                  section?.focus();
                }}
              >
                <span className="count">{value ?? '…'}</span>
                <span>{t(`officeRefunds.counts.${key}`)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
