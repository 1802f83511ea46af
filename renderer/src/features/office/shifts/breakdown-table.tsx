import { useTranslation } from 'react-i18next';
import type { BreakdownRow } from '../../../../../app/domain/office/reports';
import { formatMXN } from '../../../format/money';

/** One breakdown of the report as a table with row and column headers (the charts' text alternative too). */
export function BreakdownTable<K>(props: {
  caption: string;
  rows: BreakdownRow<K>[];
  name: (row: BreakdownRow<K>) => string;
}) {
  const { t } = useTranslation();
  if (props.rows.length === 0) return null;
  return (
    <table className="office-table report-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('officeShifts.report.key')}</th>
          <th scope="col" className="amount">
            {t('officeShifts.report.count')}
          </th>
          <th scope="col" className="amount">
            {t('officeShifts.report.sales')}
          </th>
          <th scope="col" className="amount">
            {t('officeShifts.report.tips')}
          </th>
          <th scope="col" className="amount">
            {t('officeShifts.report.iva')}
          </th>
          <th scope="col" className="amount">
            {t('officeShifts.report.refundCount')}
          </th>
          <th scope="col" className="amount">
            {t('officeShifts.report.refunds')}
          </th>
          <th scope="col" className="amount">
            {t('officeShifts.report.net')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={String(row.key)}>
            <th scope="row">{props.name(row)}</th>
            <td className="amount">{row.count}</td>
            <td className="amount">{formatMXN(row.sales)}</td>
            <td className="amount">{formatMXN(row.tips)}</td>
            <td className="amount">{formatMXN(row.iva)}</td>
            <td className="amount">{row.refundCount}</td>
            <td className="amount">{formatMXN(row.refunds)}</td>
            <td className="amount">{formatMXN(row.net)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
