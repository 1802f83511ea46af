import { useTranslation } from 'react-i18next';
import type { UnmatchedWebhookItem } from '../../../../../app/domain/office/refunds';
import { formatDateTime } from '../../../format/date-time';
import { useOfficeCall } from './use-office-call';

/** Webhooks that matched no payment, with their raw payload; "reviewed" records who looked at one. */
export function UnmatchedWebhooks({
  items,
  onChanged,
}: {
  items: UnmatchedWebhookItem[];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const call = useOfficeCall();
  const acknowledge = async (eventId: number) => {
    if (await call('office.openItems.acknowledgeWebhook', { eventId })) onChanged();
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
    </section>
  );
}
