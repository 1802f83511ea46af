import { useTranslation } from 'react-i18next';
import type { ShiftView } from '../../../../../app/domain/office/shifts';
import { formatDateTime } from '../../../format/date-time';
import { formatMXN } from '../../../format/money';
import { OverShort } from './over-short';

/** The shifts of the chosen day with their results. */
export function DayShifts({ shifts }: { shifts: ShiftView[] }) {
  const { t, i18n } = useTranslation();
  if (shifts.length === 0) return <p className="empty">{t('officeShifts.day.noShifts')}</p>;
  return (
    <table className="office-table" data-testid="day-shifts">
      <caption>{t('officeShifts.day.shifts')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('officeShifts.day.shift')}</th>
          <th scope="col">{t('officeShifts.day.register')}</th>
          <th scope="col">{t('officeShifts.day.opened')}</th>
          <th scope="col">{t('officeShifts.day.closed')}</th>
          <th scope="col" className="amount">
            {t('officeShifts.day.expected')}
          </th>
          <th scope="col" className="amount">
            {t('officeShifts.day.counted')}
          </th>
          <th scope="col">{t('officeShifts.day.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {shifts.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.id}</th>
            <td data-testid="shift-register">{s.registerName}</td>
            <td>
              {formatDateTime(s.openedAt, i18n.language)} · {s.openedBy?.name ?? ''}
            </td>
            <td>
              {s.closedAt === null
                ? t('officeShifts.day.stillOpen')
                : `${formatDateTime(s.closedAt, i18n.language)} · ${s.closedBy?.name ?? ''}`}
            </td>
            <td className="amount">{formatMXN(s.expected)}</td>
            <td className="amount">{s.counted === null ? '—' : formatMXN(s.counted)}</td>
            <td>{s.difference === null ? '—' : <OverShort difference={s.difference} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
