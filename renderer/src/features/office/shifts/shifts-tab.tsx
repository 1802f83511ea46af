import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStoreDay, storeDayOf } from '../../../../../app/domain/office/store-day';
import { storeTimeZone } from '../../../format/store-zone';
import { CurrentShiftPanel } from './current-shift-panel';
import { DayShifts } from './day-shifts';
import { MonthSummary } from './month-summary';
import { PeriodReportPanel } from './period-report';
import { downloadFile } from './download-file';
import { ReconcilePanel } from './reconcile-panel';
import { RegisterPicker, useRegisterChoices, withRegister } from './register-picker';
import { useOfficeCommand, useOfficeRead } from '../../../store/office/use-office';
import { ZReport } from './z-report';
import './shifts.css';

/** The export buttons: the channel that builds the file and the button's label. */
const EXPORTS = [
  { channel: 'office.reports.exportCsv', label: 'officeShifts.export.csv' },
  { channel: 'office.reports.exportPdf', label: 'officeShifts.export.pdf' },
] as const;

/** The office's shifts tab: the drawer now, and the Z report of a chosen Mexico City day. */
export function ShiftsTab() {
  const { t } = useTranslation();
  const { busy, run: call } = useOfficeCommand();
  const [day, setDay] = useState(() => storeDayOf(Date.now(), storeTimeZone()));
  // Issue 17: the whole store by default, or one register's Z report.
  const [registerId, setRegisterId] = useState<number | undefined>(undefined);
  const registers = useRegisterChoices();
  const { value: report, reload } = useOfficeRead(
    'office.reports.daily',
    isStoreDay(day) ? withRegister({ day }, registerId) : null,
  );

  return (
    <section className="office-tab shifts-tab" aria-label={t('officeShifts.tab')}>
      <h2>{t('officeShifts.tab')}</h2>
      <CurrentShiftPanel onChanged={reload} />
      <section className="day-report" aria-labelledby="z-report-heading">
        <h3 id="z-report-heading">{t('officeShifts.report.title')}</h3>
        <div className="day-controls">
          <label className="field inline">
            {t('officeShifts.day.label')}
            <input type="date" value={day} required onChange={(event) => setDay(event.target.value)} />
          </label>
          <RegisterPicker registers={registers} value={registerId} onChange={setRegisterId} />
          <div role="group" aria-label={t('officeShifts.export.title')} className="export-buttons">
            {EXPORTS.map((format) => (
              <button
                key={format.channel}
                type="button"
                className="secondary"
                disabled={busy || !isStoreDay(day)}
                onClick={() =>
                  void call(format.channel, withRegister({ day }, registerId)).then(
                    (file) => file && downloadFile(file),
                  )
                }
              >
                {t(format.label)}
              </button>
            ))}
          </div>
        </div>
        {report ? (
          <>
            <ZReport report={report} />
            <DayShifts shifts={report.shifts} />
            <MonthSummary month={report.day.slice(0, 7)} registerId={registerId} />
          </>
        ) : null}
        {isStoreDay(day) ? <ReconcilePanel day={day} /> : null}
      </section>
      <PeriodReportPanel registers={registers} />
    </section>
  );
}
