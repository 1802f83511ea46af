import { useTranslation } from 'react-i18next';
import { BreakdownTable } from './breakdown-table';
import { useOfficeRead } from '../../../store/office/use-office';
import { withRegister } from './register-picker';

/** The chosen day's month, one row per day with activity (of the chosen register, if one). */
export function MonthSummary({ month, registerId }: { month: string; registerId?: number | undefined }) {
  const { t, i18n } = useTranslation();
  const { value: report } = useOfficeRead('office.reports.monthly', withRegister({ month }, registerId));
  if (!report) return null;
  const dayName = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <BreakdownTable
      caption={t('officeShifts.report.month', { month })}
      rows={report.byDay}
      // A bare YYYY-MM-DD is a calendar date: read as UTC midnight so no zone shifts it a day.
      name={(row) => dayName.format(new Date(`${row.key}T00:00:00Z`))}
    />
  );
}
