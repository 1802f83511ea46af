import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DailyReport } from '../../../../../app/domain/office/reports';
import type { Chart } from 'chart.js';
import { formatMXN } from '../../../format/money';

/** The chart constructor once its chunk has loaded (wrapped: a bare class would read as a state updater). */
type ChartModule = { Chart: typeof Chart };

// Colour-blind-safe palette (Okabe–Ito); every slice is also named in the legend and the tables.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** Sales by hour (bars) and by tender and card brand (doughnut), each with a text summary. */
export function ReportCharts({ report }: { report: DailyReport }) {
  const { t } = useTranslation();
  const hourCanvas = useRef<HTMLCanvasElement>(null);
  const tenderCanvas = useRef<HTMLCanvasElement>(null);
  const [charts, setCharts] = useState<ChartModule | null>(null);

  useEffect(() => {
    let live = true;
    void import('./chart-setup').then((module) => {
      if (live) setCharts({ Chart: module.Chart });
    });
    return () => {
      live = false;
    };
  }, []);

  const hours = report.byHour.map((row) => ({
    label: t('officeShifts.report.hour', { hour: String(row.key).padStart(2, '0') }),
    sales: row.sales,
  }));
  // Cash as one slice, cards split by brand.
  const slices = [
    ...report.byTender
      .filter((row) => row.key === 'cash')
      .map((row) => ({ label: t('officeShifts.report.cash'), sales: row.sales })),
    ...report.byBrand.map((row) => ({
      label: `${t('officeShifts.report.card')} ${row.key ?? t('officeShifts.report.noBrand')}`,
      sales: row.sales,
    })),
  ].filter((slice) => slice.sales > 0);

  useEffect(() => {
    if (!charts || !hourCanvas.current || !tenderCanvas.current) return;
    const bar = new charts.Chart(hourCanvas.current, {
      type: 'bar',
      data: {
        labels: hours.map((h) => h.label),
        datasets: [
          {
            label: t('officeShifts.report.sales'),
            data: hours.map((h) => h.sales / 100),
            backgroundColor: PALETTE[0],
          },
        ],
      },
      options: { animation: false, plugins: { legend: { display: false } }, maintainAspectRatio: false },
    });
    const doughnut = new charts.Chart(tenderCanvas.current, {
      type: 'doughnut',
      data: {
        labels: slices.map((s) => s.label),
        datasets: [
          {
            data: slices.map((s) => s.sales / 100),
            backgroundColor: slices.map((_s, i) => PALETTE[i % PALETTE.length]!),
          },
        ],
      },
      options: { animation: false, maintainAspectRatio: false },
    });
    return () => {
      bar.destroy();
      doughnut.destroy();
    };
    // The arrays are derived from `report` and the language; redraw when either changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [charts, report, t]);

  const summary = (items: { label: string; sales: number }[]) =>
    items.map((item) => `${item.label} ${formatMXN(item.sales)}`).join('; ');
  return (
    <div className="report-charts" aria-busy={charts === null}>
      {charts === null ? <p className="small">{t('officeShifts.report.chartsLoading')}</p> : null}
      <ChartFigure
        caption={t('officeShifts.report.chartHour')}
        summary={t('officeShifts.report.chartHourSummary', { summary: summary(hours) })}
        ref={hourCanvas}
      />
      <ChartFigure
        caption={t('officeShifts.report.chartTender')}
        summary={t('officeShifts.report.chartTenderSummary', { summary: summary(slices) })}
        ref={tenderCanvas}
      />
    </div>
  );
}

/** One chart: a caption, and a canvas exposed as an image whose name reads the chart's values. */
function ChartFigure({
  caption,
  summary,
  ref,
}: {
  caption: string;
  summary: string;
  ref: Ref<HTMLCanvasElement>;
}) {
  return (
    <figure>
      <figcaption>{caption}</figcaption>
      <div className="chart-box">
        <canvas ref={ref} role="img" aria-label={summary} />
      </div>
    </figure>
  );
}
