import { useTranslation } from 'react-i18next';
import type { DailyReport } from '../../../../../app/domain/office/reports';
import { formatMXN } from '../../../format/money';
import { BreakdownTable } from './breakdown-table';
import { CashOutsideShiftsTable } from './cash-outside-shifts';
import { ProductSalesTables } from './product-sales-tables';
import { ReturnsSummaryTable } from './returns-summary';
import { ReportCharts } from './report-charts';
import { RegisterBreakdown } from './register-breakdown';

/** The Z report of a day: totals, charts, the per-register table and the breakdowns as tables. */
export function ZReport({ report }: { report: DailyReport }) {
  const { t } = useTranslation();
  const totals = report.totals;
  const empty = totals.count === 0 && totals.refundCount === 0;
  return (
    <div className="z-report" data-testid="z-report">
      <dl className="report-totals" aria-label={t('officeShifts.report.totals')}>
        {(['sales', 'tips', 'iva', 'refunds', 'net'] as const).map((key) => (
          <div key={key}>
            <dt>{t(`officeShifts.report.${key}`)}</dt>
            <dd data-testid={`total-${key}`}>{formatMXN(totals[key])}</dd>
          </div>
        ))}
        <div>
          <dt>{t('officeShifts.report.count')}</dt>
          <dd>{totals.count}</dd>
        </div>
      </dl>
      {empty ? <p className="empty">{t('officeShifts.report.empty')}</p> : <ReportCharts report={report} />}
      <RegisterBreakdown rows={report.byRegister} />
      <BreakdownTable
        caption={t('officeShifts.report.byTender')}
        rows={report.byTender}
        name={(row) => t(`officeShifts.report.${row.key}`)}
      />
      <BreakdownTable
        caption={t('officeShifts.report.byBrand')}
        rows={report.byBrand}
        name={(row) => row.key ?? t('officeShifts.report.noBrand')}
      />
      <BreakdownTable
        caption={t('officeShifts.report.byCashier')}
        rows={report.byCashier}
        name={(row) => row.label ?? t('officeShifts.report.nobody')}
      />
      <BreakdownTable
        caption={t('officeShifts.report.byHour')}
        rows={report.byHour}
        name={(row) => t('officeShifts.report.hour', { hour: String(row.key).padStart(2, '0') })}
      />
      <CashOutsideShiftsTable outside={report.cashOutsideShifts} />
      <ProductSalesTables sales={report.products} />
      <ReturnsSummaryTable returns={report.returns} />
    </div>
  );
}
