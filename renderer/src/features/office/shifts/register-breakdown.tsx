import { useTranslation } from 'react-i18next';
import type { RegisterBreakdownRow, RegisterZRow } from '../../../../../app/domain/office/reports';
import { formatMXN } from '../../../format/money';

const MONEY = ['cardSales', 'cashSales', 'tips', 'refunds', 'net'] as const;

/**
 * A report's per-register table (issue 17): each register's sales count, card and cash sales, tips,
 * refunds and returns, net, and on the Z report its drawers (shifts and expected cash).
 */
export function RegisterBreakdown(props: { rows: readonly (RegisterBreakdownRow | RegisterZRow)[] }) {
  const { t } = useTranslation();
  if (props.rows.length === 0) return null;
  const drawers = props.rows.some((row) => 'shiftCount' in row);
  const head = (key: string, amount = true) => (
    <th scope="col" className={amount ? 'amount' : undefined}>
      {t(`officeShifts.registers.${key}`)}
    </th>
  );
  return (
    <table className="office-table report-table" data-testid="register-breakdown">
      <caption>{t('officeShifts.registers.caption')}</caption>
      <thead>
        <tr>
          {head('register', false)}
          {head('count')}
          {MONEY.map((key) => head(key))}
          {drawers ? head('shifts') : null}
          {drawers ? head('expectedCash') : null}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key} data-register-id={row.key}>
            <th scope="row">{row.label ?? String(row.key)}</th>
            <td className="amount">{row.count}</td>
            {MONEY.map((key) => (
              <td key={key} className="amount">
                {formatMXN(row[key])}
              </td>
            ))}
            {'shiftCount' in row ? (
              <>
                <td className="amount">{row.shiftCount}</td>
                <td className="amount">
                  {row.expectedCash === null
                    ? t('officeShifts.registers.noShift')
                    : formatMXN(row.expectedCash)}
                </td>
              </>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
