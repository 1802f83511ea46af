import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconciliationResult } from '../../../../../app/domain/office/reports';
import { formatMXN } from '../../../format/money';
import { useOfficeCommand } from '../../../store/office/use-office';

/** Re-asks Kushki about every card payment of the day and shows what disagrees. */
export function ReconcilePanel({ day }: { day: string }) {
  const { t } = useTranslation();
  const { busy, run: call } = useOfficeCommand();
  const [result, setResult] = useState<ReconciliationResult | null>(null);
  const shown = result?.day === day ? result : null;
  return (
    <section className="reconcile" aria-labelledby="reconcile-heading">
      <h3 id="reconcile-heading">{t('officeShifts.reconcile.title')}</h3>
      <p className="small">{t('officeShifts.reconcile.hint')}</p>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() =>
          void call('office.reports.reconcile', { day }).then((value) => value && setResult(value))
        }
      >
        {busy ? t('officeShifts.reconcile.running') : t('officeShifts.reconcile.run')}
      </button>
      <div aria-live="polite" data-testid="reconcile-result">
        {shown ? (
          <>
            <p>
              {t('officeShifts.reconcile.summary', {
                checked: shown.checked,
                matched: shown.matched,
                mismatches: shown.mismatches.length,
                unverified: shown.unverified.length,
              })}
            </p>
            {shown.mismatches.length === 0 ? <p>{t('officeShifts.reconcile.allMatch')}</p> : null}
          </>
        ) : null}
      </div>
      {shown && shown.mismatches.length > 0 ? (
        <table className="office-table">
          <caption>{t('officeShifts.reconcile.mismatches')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officeShifts.reconcile.payment')}</th>
              <th scope="col">{t('officeShifts.reconcile.reference')}</th>
              <th scope="col">{t('officeShifts.reconcile.amount')}</th>
              <th scope="col">{t('officeShifts.reconcile.caja')}</th>
              <th scope="col">{t('officeShifts.reconcile.kushki')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.mismatches.map((m) => (
              <tr key={m.paymentId}>
                <th scope="row">{m.paymentId}</th>
                <td>{m.reference}</td>
                <td className="amount">{formatMXN(m.amount)}</td>
                <td>{t(`officeShifts.status.${m.cajaStatus}`)}</td>
                <td>{m.kushkiRawStatus ?? m.kushkiStatus}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {shown && shown.unverified.length > 0 ? (
        <table className="office-table">
          <caption>{t('officeShifts.reconcile.unverified')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officeShifts.reconcile.payment')}</th>
              <th scope="col">{t('officeShifts.reconcile.reference')}</th>
              <th scope="col">{t('officeShifts.reconcile.caja')}</th>
              <th scope="col">{t('officeShifts.reconcile.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.unverified.map((u) => (
              <tr key={u.paymentId}>
                <th scope="row">{u.paymentId}</th>
                <td>{u.reference}</td>
                <td>{t(`officeShifts.status.${u.cajaStatus}`)}</td>
                <td>{u.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
