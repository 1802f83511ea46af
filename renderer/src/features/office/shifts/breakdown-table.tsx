import { useTranslation } from 'react-i18next';
import type { BreakdownRow } from '../../../../../app/domain/office/reports';
import { formatMXN } from '../../../format/money';

/** The numeric columns, in order: counts as numbers, the rest as MXN. */
const COLUMNS = ['count', 'sales', 'tips', 'iva', 'refundCount', 'refunds', 'net'] as const;
const COUNTS: ReadonlySet<string> = new Set(['count', 'refundCount']);

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
          {COLUMNS.map((column) => (
            <th key={column} scope="col" className="amount">
              {t(`officeShifts.report.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={String(row.key)}>
            <th scope="row">{props.name(row)}</th>
            {COLUMNS.map((column) => (
              <td key={column} className="amount">
                {COUNTS.has(column) ? row[column] : formatMXN(row[column])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
