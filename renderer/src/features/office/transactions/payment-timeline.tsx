import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../../app/domain/office/transactions';
import { storeTimeZone } from '../../../format/store-zone';

/** Date and time to the second in the store's time zone: a timeline's events are seconds apart. */
function formatInstant(at: number, language: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: storeTimeZone(),
  }).format(at);
}

/** Recorded text, pretty-printed when it is JSON. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function EntryTitle({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const base = 'officeTransactions.detail';
  const label =
    entry.origin === 'audit'
      ? t(`${base}.audit.${entry.kind.replaceAll('.', '_')}`, { defaultValue: entry.kind })
      : t(`${base}.kinds.${entry.kind}`, { defaultValue: entry.kind });
  const status = (s: string) => t(`officeTransactions.status.${s}`);
  return (
    <span className="tx-entry-title">
      <strong>{label}</strong>
      {entry.fromStatus || entry.toStatus ? (
        <span>
          {' '}
          ·{' '}
          {t(`${base}.move`, {
            from: entry.fromStatus ? status(entry.fromStatus) : '—',
            to: entry.toStatus ? status(entry.toStatus) : '—',
          })}
        </span>
      ) : null}
      {entry.source ? (
        <span className="muted">
          {' '}
          ·{' '}
          {t(`${base}.via`, { source: t(`${base}.sources.${entry.source}`, { defaultValue: entry.source }) })}
        </span>
      ) : null}
      {entry.actorName ? <span> · {t(`${base}.by`, { name: entry.actorName })}</span> : null}
      {entry.registerName ? (
        <span data-testid="tx-timeline-register"> · {t(`${base}.at`, { register: entry.registerName })}</span>
      ) : null}
    </span>
  );
}

function WebhookBadges({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const marks = entry.webhook;
  if (!marks) return null;
  return (
    <>
      {entry.signature === 'unverified' ? (
        <p className="tx-mark" data-testid="tx-mark-unverified">
          <span className="tx-badge">{t('officeTransactions.detail.unverified')}</span>{' '}
          {t('officeTransactions.detail.unverifiedHint')}
        </p>
      ) : null}
      {marks.duplicate ? (
        <p className="tx-mark" data-testid="tx-mark-duplicate">
          <span className="tx-badge">{t('officeTransactions.detail.duplicate')}</span>{' '}
          {t('officeTransactions.detail.duplicateHint')}
        </p>
      ) : null}
      {marks.outOfOrder ? (
        <p className="tx-mark" data-testid="tx-mark-out-of-order">
          <span className="tx-badge">{t('officeTransactions.detail.outOfOrder')}</span>{' '}
          {t(`officeTransactions.detail.outOfOrderHint.${marks.outOfOrder}`)}
        </p>
      ) : null}
    </>
  );
}

/** A payment's timeline, oldest first; each recorded detail and webhook body can be unfolded. */
export function PaymentTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="tx-timeline-heading" className="tx-timeline">
      <h3 id="tx-timeline-heading">{t('officeTransactions.detail.timeline')}</h3>
      <p className="muted">{t('officeTransactions.detail.timelineHint')}</p>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} data-testid="tx-timeline-entry" data-kind={entry.kind}>
            <time dateTime={new Date(entry.at).toISOString()}>{formatInstant(entry.at, i18n.language)}</time>
            <EntryTitle entry={entry} />
            <WebhookBadges entry={entry} />
            {entry.detail ? (
              <details>
                <summary>{t('officeTransactions.detail.detailJson')}</summary>
                <pre>{pretty(entry.detail)}</pre>
              </details>
            ) : null}
            {entry.rawPayload ? (
              <details data-testid="tx-raw-payload">
                <summary>{t('officeTransactions.detail.payload')}</summary>
                <pre>{pretty(entry.rawPayload)}</pre>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
