import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MILLI_PER_UNIT,
  returnAmount,
  type ReturnableLine,
  type ReturnableSale,
  type ReturnCreated,
  type ReturnRequest,
  type ReturnTender,
} from '../../../../app/domain/office/returns';
import { formatMXN } from '../../format/money';
import { ModalDialog } from './modal-dialog';

/** Thousandths typed for a line: whole pieces, or kilograms with up to three decimals when weighed. */
function typedMilli(text: string, byWeight: boolean): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return 0;
  const pattern = byWeight ? /^\d{1,6}(\.\d{1,3})?$/ : /^\d{1,6}$/;
  if (!pattern.test(trimmed)) return null;
  return Math.round(Number(trimmed) * MILLI_PER_UNIT);
}

/** A quantity in thousandths as the dialog shows it: pieces, or kg with three decimals. */
function shownQuantity(milli: number, byWeight: boolean): string {
  return byWeight ? (milli / MILLI_PER_UNIT).toFixed(3) : String(milli / MILLI_PER_UNIT);
}

/** "Return items" for a completed sale: opens `form` in the app's own modal dialog. */
export function ReturnDialogButton({
  saleId,
  onOpen,
  form,
}: {
  saleId: number;
  onOpen?: () => void;
  form: (close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={t('officeReturns.buttonFor', { id: saleId })}
        onClick={() => {
          setOpen(true);
          onOpen?.();
        }}
      >
        {t('officeReturns.button')}
      </button>
      {open ? (
        <ModalDialog
          labelledBy={`return-title-${saleId}`}
          className="refund-dialog"
          onClose={() => setOpen(false)}
        >
          {form(() => setOpen(false))}
        </ModalDialog>
      ) : null}
    </>
  );
}

/**
 * The return form both the office and the counter show: lines with a quantity each, how the money
 * goes back, a reason, the total and the sale's earlier returns. `submit` stores it (and says no with
 * null); `children` are extra fields (the counter's manager PIN), `ready` says they are filled in.
 */
export function ReturnLinesForm({
  saleId,
  sale,
  busy,
  submit: store,
  onClose,
  ready = true,
  children,
}: {
  saleId: number;
  sale: ReturnableSale | null;
  busy: boolean;
  submit: (request: ReturnRequest) => Promise<ReturnCreated | null>;
  onClose: () => void;
  ready?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [tender, setTender] = useState<ReturnTender>({ method: 'cash' });
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const title = t('officeReturns.title', { id: saleId });
  if (!sale) {
    return (
      <div className="refund-body">
        <h3 id={`return-title-${saleId}`}>{title}</h3>
        <p>{t('officeReturns.loading')}</p>
      </div>
    );
  }
  const chosen = sale.lines.map((line) => ({
    line,
    milli: typedMilli(typed[line.saleLineId] ?? '', line.byWeight),
  }));
  const valid = chosen.every(({ line, milli }) => milli !== null && milli <= line.returnableMilli);
  const picked = chosen.filter((c): c is { line: ReturnableLine; milli: number } => (c.milli ?? 0) > 0);
  const total = picked.reduce((sum, { line, milli }) => sum + returnAmount(line, milli), 0);
  const leftToReturn = sale.lines.some((l) => l.returnableMilli > 0);
  const submit = async () => {
    const created = await store({
      saleId,
      lines: picked.map(({ line, milli }) => ({ saleLineId: line.saleLineId, quantity: milli })),
      tender,
      reason: reason.trim() || undefined,
    });
    if (created) {
      setDone(created.return.amount);
      setTyped({});
    }
  };
  return (
    <div className="refund-body">
      <h3 id={`return-title-${saleId}`}>{title}</h3>
      {done !== null ? (
        <p role="status" data-testid="return-done">
          {t('officeReturns.done', { amount: formatMXN(done) })}
        </p>
      ) : null}
      {!leftToReturn ? <p>{t('officeReturns.nothing')}</p> : null}
      <table className="return-lines">
        <thead>
          <tr>
            <th scope="col">{t('officeReturns.item')}</th>
            <th scope="col">{t('officeReturns.sold')}</th>
            <th scope="col">{t('officeReturns.returned')}</th>
            <th scope="col">{t('officeReturns.toReturn')}</th>
            <th scope="col">{t('officeReturns.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {chosen.map(({ line, milli }) => (
            <tr key={line.saleLineId} data-testid="return-line">
              <td>{line.name}</td>
              <td>{shownQuantity(line.soldMilli, line.byWeight)}</td>
              <td>{shownQuantity(line.returnedMilli, line.byWeight)}</td>
              <td>
                <input
                  inputMode={line.byWeight ? 'decimal' : 'numeric'}
                  autoComplete="off"
                  size={5}
                  disabled={line.returnableMilli === 0}
                  aria-label={t('officeReturns.quantityFor', { name: line.name })}
                  aria-invalid={milli === null || milli > line.returnableMilli}
                  value={typed[line.saleLineId] ?? ''}
                  onChange={(e) => setTyped({ ...typed, [line.saleLineId]: e.target.value })}
                />
              </td>
              <td>{milli && milli <= line.returnableMilli ? formatMXN(returnAmount(line, milli)) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend>{t('officeReturns.tender')}</legend>
        <label>
          <input
            type="radio"
            name={`return-tender-${saleId}`}
            checked={tender.method === 'cash'}
            onChange={() => setTender({ method: 'cash' })}
          />{' '}
          {t('officeReturns.cash')}
        </label>
        {sale.cardOptions.map((option) => (
          <label key={option.paymentId}>
            <input
              type="radio"
              name={`return-tender-${saleId}`}
              checked={tender.method === 'card' && tender.paymentId === option.paymentId}
              onChange={() => setTender({ method: 'card', paymentId: option.paymentId })}
            />{' '}
            {t('officeReturns.card', {
              card:
                `${option.cardBrand ?? ''} ${option.cardLast4 ? `•••• ${option.cardLast4}` : ''}`.trim() ||
                '—',
              left: formatMXN(option.refundable),
            })}
          </label>
        ))}
      </fieldset>
      <label className="field" htmlFor={reasonId}>
        {t('officeReturns.reason')}
      </label>
      <input id={reasonId} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      {children}
      <p data-testid="return-total">{t('officeReturns.total', { amount: formatMXN(total) })}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !valid || total <= 0 || !ready}
          onClick={() => void submit()}
        >
          {t('officeReturns.confirm', { amount: formatMXN(total) })}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('officeReturns.close')}
        </button>
      </div>
      {sale.returns.length > 0 ? (
        <section aria-label={t('officeReturns.history')}>
          <h4>{t('officeReturns.history')}</h4>
          <ul>
            {sale.returns.map((r) => (
              <li key={r.id} data-testid="return-history">
                {t('officeReturns.historyLine', {
                  id: r.id,
                  method: r.method === 'cash' ? t('officeReturns.methodCash') : t('officeReturns.methodCard'),
                  amount: formatMXN(r.amount),
                })}
                {r.refundStatus ? ` · ${r.refundStatus}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
