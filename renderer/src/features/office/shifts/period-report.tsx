import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStoreDay, storeDayOf } from '../../../../../app/domain/office/store-day';
import { formatMXN } from '../../../format/money';
import { storeTimeZone } from '../../../format/store-zone';
import { useOfficeCommand, useOfficeRead } from '../../../store/office/use-office';
import { downloadFile } from './download-file';
import { ProductSalesTables } from './product-sales-tables';
import { ReturnsSummaryTable } from './returns-summary';
import { RegisterBreakdown } from './register-breakdown';
import { RegisterPicker, withRegister, type RegisterChoice } from './register-picker';

/** The report over a range of store days: totals and sales by product and department, with exports. */
export function PeriodReportPanel({ registers }: { registers: readonly RegisterChoice[] }) {
  const { t } = useTranslation();
  const ids = useId();
  // This month so far, by default: read once, when the panel opens.
  const [to, setTo] = useState(() => storeDayOf(Date.now(), storeTimeZone()));
  const [from, setFrom] = useState(() => `${to.slice(0, 8)}01`);
  const [registerId, setRegisterId] = useState<number | undefined>(undefined);
  const valid = isStoreDay(from) && isStoreDay(to) && from <= to;
  const { value: report } = useOfficeRead(
    'office.reports.period',
    valid ? withRegister({ from, to }, registerId) : null,
  );
  const { busy, run } = useOfficeCommand();
  return (
    <section className="shift-panel period-report" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('officeShifts.period.title')}</h3>
      <div className="period-range">
        <label className="field">
          {t('officeShifts.period.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          {t('officeShifts.period.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <RegisterPicker registers={registers} value={registerId} onChange={setRegisterId} />
        {(['csv', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="secondary"
            disabled={busy || !valid}
            onClick={() =>
              void run(
                format === 'csv' ? 'office.reports.exportPeriodCsv' : 'office.reports.exportPeriodXlsx',
                withRegister({ from, to }, registerId),
              ).then((file) => file && downloadFile(file))
            }
          >
            {t(`officeShifts.period.${format}`)}
          </button>
        ))}
      </div>
      {report ? (
        <>
          <p data-testid="period-totals">
            {t('officeShifts.period.totals', {
              sales: formatMXN(report.totals.sales),
              count: report.totals.count,
            })}
          </p>
          <RegisterBreakdown rows={report.byRegister} />
          <ProductSalesTables sales={report.products} />
          <ReturnsSummaryTable returns={report.returns} />
        </>
      ) : null}
    </section>
  );
}
