import { STORE_TIME_ZONE } from '../../../../../app/domain/store-time-zone';

/** The void/refund cut-off as the store reads it: "23:00" and its date, in Mexico City time. */
export function formatCutoff(at: number, language: string): { time: string; date: string } {
  const time = new Intl.DateTimeFormat(language, {
    timeZone: STORE_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const date = new Intl.DateTimeFormat(language, { timeZone: STORE_TIME_ZONE, dateStyle: 'medium' }).format(
    at,
  );
  return { time, date };
}
