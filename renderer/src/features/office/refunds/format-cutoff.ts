import { storeTimeZone } from '../../../format/store-zone';

/** The void/refund cut-off (23:00 Mexico City, Kushki's) as the store reads it, in the store's own zone. */
export function formatCutoff(at: number, language: string): { time: string; date: string } {
  const time = new Intl.DateTimeFormat(language, {
    timeZone: storeTimeZone(),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const date = new Intl.DateTimeFormat(language, { timeZone: storeTimeZone(), dateStyle: 'medium' }).format(
    at,
  );
  return { time, date };
}
