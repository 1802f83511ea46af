import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftView } from '../../../../../app/domain/office/shifts';
import { formatDateTime } from '../../../format/date-time';
import { formatMXN } from '../../../format/money';
import { parsePesos } from '../../../format/parse-pesos';
import { CashMovementForm } from './cash-movement-form';
import { DenominationGrid } from './denomination-grid';
import { useOfficeCommand, useOfficeRead } from '../../../store/office/use-office';

/** The register's shift: open it with a float, move cash, close it with a count. */
export function CurrentShiftPanel({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { busy, run: call } = useOfficeCommand();
  const { value: current, reload } = useOfficeRead('office.shifts.current', {});
  const [floatText, setFloatText] = useState('');
  // Bumped after each close so the grid starts empty for the next shift.
  const [closings, setClosings] = useState(0);

  /** After an action: read the shift again (a refused close shows its blocking payments) and tell the tab. */
  const after = (done: ShiftView | null) => {
    reload();
    if (done) onChanged();
    return done !== null;
  };
  const floatAmount = parsePesos(floatText);
  const shift = current?.shift ?? null;

  return (
    <section className="shift-panel" aria-labelledby="current-shift-heading">
      <h3 id="current-shift-heading">{t('officeShifts.current.title')}</h3>
      {current && !shift ? (
        <form
          className="open-shift"
          onSubmit={(event) => {
            event.preventDefault();
            if (floatAmount !== null) void call('office.shifts.open', { float: floatAmount }).then(after);
          }}
        >
          <p>{t('officeShifts.current.none')}</p>
          <label className="field">
            {t('officeShifts.current.float')}
            <input
              inputMode="decimal"
              value={floatText}
              onChange={(event) => setFloatText(event.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={floatAmount === null || busy}>
            {t('officeShifts.current.open')}
          </button>
        </form>
      ) : null}
      {shift ? (
        <>
          <p>
            {t('officeShifts.current.openedBy', {
              name: shift.openedBy?.name ?? '',
              time: formatDateTime(shift.openedAt, i18n.language),
            })}
          </p>
          <dl className="cash-flow" aria-label={t('officeShifts.current.flow')}>
            {(['openingFloat', 'cashSales', 'cashIn', 'cashOut', 'cashRefunds'] as const).map((key) => (
              <div key={key}>
                <dt>{t(`officeShifts.current.${key}`)}</dt>
                <dd>{formatMXN(shift[key])}</dd>
              </div>
            ))}
            <div className="expected">
              <dt>{t('officeShifts.current.expected')}</dt>
              <dd data-testid="expected-cash">{formatMXN(shift.expected)}</dd>
            </div>
          </dl>
          <CashMovementForm
            busy={busy}
            onSave={(movement) => call('office.shifts.cashMovement', movement).then(after)}
          />
          <MovementsTable shift={shift} />
          <h4>{t('officeShifts.close.title')}</h4>
          {current && current.blocking.length > 0 ? (
            <div className="blocking" role="alert">
              <p>{t('officeShifts.close.blocked')}</p>
              <ul>
                {current.blocking.map((p) => (
                  <li key={p.paymentId}>
                    {t('officeShifts.close.blockingPayment', {
                      id: p.paymentId,
                      reference: p.reference ?? '—',
                      status: t(`officeShifts.status.${p.status}`),
                      amount: formatMXN(p.amount),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <DenominationGrid
            key={`${shift.id}-${closings}`}
            expected={shift.expected}
            busy={busy}
            onConfirm={(denominations) =>
              void call('office.shifts.close', { denominations }).then((closed) => {
                if (closed) setClosings((n) => n + 1);
                after(closed);
              })
            }
          />
        </>
      ) : null}
    </section>
  );
}

/** The open shift's cash ins and outs. */
function MovementsTable({ shift }: { shift: ShiftView }) {
  const { t, i18n } = useTranslation();
  if (shift.movements.length === 0) return <p className="empty">{t('officeShifts.movement.none')}</p>;
  return (
    <table className="office-table">
      <caption>{t('officeShifts.movement.list')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('officeShifts.movement.when')}</th>
          <th scope="col">{t('officeShifts.movement.kind')}</th>
          <th scope="col">{t('officeShifts.movement.amount')}</th>
          <th scope="col">{t('officeShifts.movement.reason')}</th>
          <th scope="col">{t('officeShifts.movement.who')}</th>
        </tr>
      </thead>
      <tbody>
        {shift.movements.map((m) => (
          <tr key={m.id}>
            <td>{formatDateTime(m.at, i18n.language)}</td>
            <td>{t(`officeShifts.movement.${m.kind}`)}</td>
            <td className="amount">{formatMXN(m.amount)}</td>
            <td>{m.reason}</td>
            <td>{m.by?.name ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
