import { useTranslation } from 'react-i18next';
import {
  UNMATCHED_KEPT_IN_FULL,
  type UnmatchedOverflowItem,
  type UnmatchedWebhookItem,
} from '../../../../../app/domain/office/refunds';
import { formatDateTime } from '../../../format/date-time';
import { useOfficeCommand } from '../../../store/office/use-office';

/**
 * What was not listed one by one: rows past the list's length, and webhooks only counted past the
 * cap (see [Note: unmatched webhooks are capped]). A flood of forged ones reads as a few lines.
 */
function NotListed({ notListed, overflow }: { notListed: number; overflow: UnmatchedOverflowItem[] }) {
  const { t } = useTranslation();
  if (notListed === 0 && overflow.length === 0) return null;
  return (
    <ul className="hint" data-testid="unmatched-more">
      {notListed > 0 ? <li>{t('officeRefunds.webhooks.notListed', { count: notListed })}</li> : null}
      {overflow.map((o) => (
        <li key={`${o.day}-${o.kind}`} data-testid="unmatched-overflow">
          {t('officeRefunds.webhooks.notKept', {
            count: o.count,
            day: o.day,
            kind: t(`officeRefunds.webhooks.kinds.${o.kind}`),
            limit: UNMATCHED_KEPT_IN_FULL,
          })}
        </li>
      ))}
    </ul>
  );
}

/** Webhooks that matched no payment, with their raw payload; "reviewed" records who looked at one. */
export function UnmatchedWebhooks({
  items,
  notListed,
  overflow,
}: {
  items: UnmatchedWebhookItem[];
  notListed: number;
  overflow: UnmatchedOverflowItem[];
}) {
  const { t, i18n } = useTranslation();
  const { run } = useOfficeCommand();
  // A reviewed webhook leaves the list when the change invalidates the office's reads.
  const acknowledge = async (eventId: number) => {
    await run('office.openItems.acknowledgeWebhook', { eventId });
  };
  return (
    <section id="open-webhooks" tabIndex={-1} className="open-list" aria-labelledby="open-webhooks-title">
      <h3 id="open-webhooks-title">{t('officeRefunds.webhooks.heading')}</h3>
      <p className="hint">{t('officeRefunds.webhooks.intro')}</p>
      {items.length === 0 ? (
        <p>{t('officeRefunds.none')}</p>
      ) : (
        <table className="office-table">
          <thead>
            <tr>
              <th scope="col">{t('officeRefunds.when')}</th>
              <th scope="col">{t('officeRefunds.reference')}</th>
              <th scope="col">{t('officeRefunds.webhooks.detail')}</th>
              <th scope="col">{t('officeRefunds.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.eventId} data-testid="unmatched-webhook">
                <td>{formatDateTime(item.at, i18n.language)}</td>
                <td className="reference">{item.uniqueReference ?? '—'}</td>
                <td>
                  {item.detail ?? '—'}
                  <details>
                    <summary>{t('officeRefunds.webhooks.payload')}</summary>
                    <pre className="raw-payload">{item.rawPayload ?? ''}</pre>
                  </details>
                </td>
                <td>
                  {item.reviewedAt !== null ? (
                    <span data-testid="reviewed">
                      {t('officeRefunds.webhooks.reviewed', {
                        name: item.reviewedByName ?? '—',
                        when: formatDateTime(item.reviewedAt, i18n.language),
                      })}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void acknowledge(item.eventId)}
                    >
                      {t('officeRefunds.webhooks.acknowledge')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NotListed notListed={notListed} overflow={overflow} />
    </section>
  );
}
