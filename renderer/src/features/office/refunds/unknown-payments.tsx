import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnknownPaymentItem } from '../../../../../app/domain/office/refunds';
import { formatDateTime } from '../../../format/date-time';
import { formatMXN } from '../../../format/money';
import { useAppStore } from '../../../store/store-context';
import { useOfficeCommand } from '../../../store/office/use-office';

/** Payments in unknown, each with "verify now", the guided resolution and a note for its history. */
export function UnknownPayments({ items }: { items: UnknownPaymentItem[] }) {
  const { t } = useTranslation();
  return (
    <section id="open-unknown" tabIndex={-1} className="open-list" aria-labelledby="open-unknown-title">
      <h3 id="open-unknown-title">{t('officeRefunds.unknown.heading')}</h3>
      <p className="hint">{t('officeRefunds.unknown.intro')}</p>
      {items.length === 0 ? <p>{t('officeRefunds.none')}</p> : null}
      {items.map((item) => (
        <UnknownPayment key={item.paymentId} item={item} />
      ))}
    </section>
  );
}

function UnknownPayment({ item }: { item: UnknownPaymentItem }) {
  const { t, i18n } = useTranslation();
  const { run: call } = useOfficeCommand();
  const notify = useAppStore((s) => s.notify);
  const [note, setNote] = useState('');
  const amount = formatMXN(item.amount + item.tip);
  const verify = async () => {
    const payment = await call('office.openItems.verify', { paymentId: item.paymentId });
    if (!payment) return;
    notify('info', 'officeRefunds.unknown.verified', {
      id: String(payment.id),
      status: t(`payment.status.${payment.status}`, { terminal: payment.terminalSerial ?? '' }),
    });
  };
  const saveNote = async () => {
    const saved = await call('office.openItems.addNote', { paymentId: item.paymentId, note });
    if (!saved) return;
    setNote('');
    notify('info', 'officeRefunds.unknown.noteSaved');
  };
  return (
    <article
      className="open-item"
      data-testid="unknown-payment"
      aria-label={`${t('officeRefunds.payment')} ${item.paymentId}`}
    >
      <p className="open-item-head">
        <strong>
          {t('officeRefunds.payment')} {item.paymentId} · {amount}
        </strong>{' '}
        <span>
          {t('officeRefunds.sale')} {item.saleId} · {t('officeRefunds.terminal')} {item.terminalSerial ?? '—'}{' '}
          · {formatDateTime(item.createdAt, i18n.language)} ·{' '}
          {t('officeRefunds.unknown.checks', { count: item.checkCount })}
        </span>
      </p>
      <button type="button" className="primary" onClick={() => void verify()}>
        {t('officeRefunds.unknown.verify')}
      </button>
      <h4>{t('officeRefunds.unknown.guide')}</h4>
      <ol className="guide">
        <li>{t('officeRefunds.unknown.steps.verify')}</li>
        <li>
          {t('officeRefunds.unknown.steps.terminal', {
            terminal: item.terminalSerial ?? '—',
            reference: item.uniqueReference ?? '—',
            amount,
          })}
        </li>
        <li>{t('officeRefunds.unknown.steps.customer')}</li>
        <li>
          <strong>{t('officeRefunds.unknown.steps.never')}</strong>
        </li>
      </ol>
      <p className="hint">
        {t('officeRefunds.unknown.steps.automatic')}{' '}
        {item.nextCheckAt !== null
          ? t('officeRefunds.unknown.nextCheck', { when: formatDateTime(item.nextCheckAt, i18n.language) })
          : null}
      </p>
      {item.notes.length > 0 ? (
        <>
          <h4>{t('officeRefunds.unknown.notes')}</h4>
          <ul className="notes">
            {item.notes.map((n) => (
              <li key={n.at}>
                {formatDateTime(n.at, i18n.language)} · {n.byName ?? '—'}: {n.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form
        className="note-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (note.trim()) void saveNote();
        }}
      >
        <label className="field">
          {t('officeRefunds.unknown.noteLabel', { id: item.paymentId })}
          <textarea value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="secondary" disabled={!note.trim()}>
          {t('officeRefunds.unknown.addNote')}
        </button>
      </form>
    </article>
  );
}
