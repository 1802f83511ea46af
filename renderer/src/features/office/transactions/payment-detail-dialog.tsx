import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentDetailView } from '../../../../../app/domain/office/transactions';
import { formatDateTime } from '../../../format/date-time';
import { formatMXN } from '../../../format/money';
import { useOfficeRead } from '../../../store/office/use-office';
import { RefundButton } from '../refunds/refund-dialog';
import { ReturnButton } from '../returns/return-dialog';
import { PaymentTimeline } from './payment-timeline';
import { weighedLineText } from '../../../../../app/domain/weighed-line';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** A card field with a mark when it came from a webhook nobody verified. See [Note: card facts are written once]. */
function CardValue({ value, unverified }: { value: ReactNode; unverified: boolean }) {
  const { t } = useTranslation();
  if (!unverified) return <>{value}</>;
  return (
    <>
      {value}{' '}
      <span
        className="tx-badge"
        data-testid="tx-card-unverified"
        title={t('officeTransactions.detail.cardUnverifiedHint')}
      >
        {t('officeTransactions.detail.cardUnverified')}
      </span>
      <span className="visually-hidden"> {t('officeTransactions.detail.cardUnverifiedHint')}</span>
    </>
  );
}

/** The payment's recorded facts; card fields from an unverified webhook carry a mark. */
export function PaymentFacts({ detail }: { detail: PaymentDetailView }) {
  const { t, i18n } = useTranslation();
  const p = detail.payment;
  const k = (key: string) => t(`officeTransactions.detail.${key}`);
  const optional = (label: string, value: ReactNode | null) =>
    value === null || value === '' ? null : <Field label={label}>{value}</Field>;
  const unverified = p.cardSignature === 'unverified';
  const card = (value: string | null) =>
    value === null || value === '' ? null : <CardValue value={value} unverified={unverified} />;
  return (
    <dl className="tx-facts">
      <Field label={t('officeTransactions.table.status')}>{t(`officeTransactions.status.${p.status}`)}</Field>
      <Field label={t('officeTransactions.table.tender')}>{t(`officeTransactions.tender.${p.method}`)}</Field>
      <Field label={t('officeTransactions.table.amount')}>{formatMXN(p.amount)}</Field>
      {p.tip > 0 ? <Field label={t('officeTransactions.table.tip')}>{formatMXN(p.tip)}</Field> : null}
      {optional(
        t('officeTransactions.table.card'),
        card(
          p.last4
            ? t('officeTransactions.table.cardLine', { brand: p.cardBrand ?? '', last4: p.last4 })
            : null,
        ),
      )}
      {optional(t('officeTransactions.table.authorization'), card(p.authorizationCode))}
      {optional(t('officeTransactions.table.reference'), p.uniqueReference)}
      {optional(k('identifier'), p.identifier)}
      {optional(k('transactionId'), p.transactionId)}
      {optional(k('kushkiStatus'), p.kushkiStatus)}
      {optional(k('failureReason'), p.failureReason)}
      {p.msi > 0 ? <Field label={k('msi')}>{p.msi}</Field> : null}
      {optional(k('tendered'), p.tendered === null ? null : formatMXN(p.tendered))}
      {optional(k('change'), p.change === null ? null : formatMXN(p.change))}
      {optional(t('officeTransactions.table.terminal'), p.terminalSerial)}
      {optional(t('officeTransactions.table.cashier'), p.cashierName)}
      <Field label={k('createdAt')}>{formatDateTime(p.createdAt, i18n.language)}</Field>
      <Field label={k('updatedAt')}>{formatDateTime(p.updatedAt, i18n.language)}</Field>
    </dl>
  );
}

function SaleFacts({ detail }: { detail: PaymentDetailView }) {
  const { t } = useTranslation();
  const sale = detail.sale;
  return (
    <section aria-labelledby="tx-sale-heading" className="tx-sale">
      <h3 id="tx-sale-heading">{t('officeTransactions.detail.sale', { id: sale.id })}</h3>
      <p>
        {t(`officeTransactions.detail.saleStatus.${sale.status}`)}
        {sale.total !== null ? ` · ${t('officeTransactions.detail.total')} ${formatMXN(sale.total)}` : ''}
        {sale.iva !== null ? ` · ${t('officeTransactions.detail.iva')} ${formatMXN(sale.iva)}` : ''}
        {sale.cashierName ? ` · ${sale.cashierName}` : ''}
      </p>
      {sale.lines.length > 0 ? (
        <ul aria-label={t('officeTransactions.detail.lines')}>
          {sale.lines.map((line, i) => (
            <li key={i}>
              {line.quantityMilli === null
                ? `${line.quantity} × ${line.name} · ${formatMXN(line.unitPrice)}`
                : `${line.name} · ${weighedLineText(line) ?? ''}`}
            </li>
          ))}
        </ul>
      ) : null}
      <ul aria-label={t('officeTransactions.detail.otherPayments')}>
        {sale.payments.map((p) => (
          <li key={p.id}>
            #{p.id} · {t(`officeTransactions.tender.${p.method}`)} ·{' '}
            {t(`officeTransactions.status.${p.status}`)} · {formatMXN(p.amount)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A payment's detail in a modal dialog (Esc or the close button closes it; focus stays inside). */
export function PaymentDetailDialog(props: { paymentId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const { paymentId, onClose } = props;
  // A refund changes the payment: its updates invalidate the read, so facts and timeline follow.
  const { value: detail, failed } = useOfficeRead('office.payments.detail', { paymentId });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  // The error is already shown; a detail that cannot be read closes.
  useEffect(() => {
    if (failed) onClose();
  }, [failed, onClose]);
  const refundable = detail?.payment.method === 'card' && detail.payment.status === 'approved';

  return (
    <dialog ref={dialog} className="tx-dialog" aria-labelledby="tx-detail-heading" onClose={onClose}>
      <header>
        <h2 id="tx-detail-heading">{t('officeTransactions.detail.title', { id: paymentId })}</h2>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
          {t('officeTransactions.detail.close')}
        </button>
      </header>
      {detail ? (
        <>
          <PaymentFacts detail={detail} />
          {refundable ? <RefundButton paymentId={paymentId} /> : null}
          {detail.sale.status === 'completed' ? <ReturnButton saleId={detail.sale.id} /> : null}
          <SaleFacts detail={detail} />
          <PaymentTimeline entries={detail.timeline} />
        </>
      ) : (
        <p aria-live="polite">{t('officeTransactions.table.loading')}</p>
      )}
    </dialog>
  );
}
