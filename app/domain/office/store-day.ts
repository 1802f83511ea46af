/**
 * Mexico City calendar days as epoch-ms ranges. The store's day boundary is local midnight in
 * America/Mexico_City, whatever the PC's zone; Intl knows the zone's history (it kept summer time
 * until 2022), so a range over an old year is still cut at the right instant.
 */

/** The store's time zone (see app/domain/receipt.ts). */
export const STORE_TIME_ZONE = 'America/Mexico_City';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: STORE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Offset of the store's zone at `at`, in ms (local = UTC + offset; -6 h in Mexico City today). */
function offsetAt(at: number): number {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return local - Math.floor(at / 1000) * 1000;
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isStoreDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.toISOString().slice(0, 10) === day;
}

/** The instant the store's day `day` ('YYYY-MM-DD') begins. */
export function storeDayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Two passes: the offset at UTC midnight may differ from the one at local midnight near a change.
  const first = utcMidnight - offsetAt(utcMidnight);
  return utcMidnight - offsetAt(first);
}

/** The day after `day`. */
export function nextStoreDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** [start, end) in epoch ms covering the store days `from`..`to`, both included. */
export function storeDayRange(from: string, to: string = from): { start: number; end: number } {
  return { start: storeDayStart(from), end: storeDayStart(nextStoreDay(to)) };
}

/** The store day ('YYYY-MM-DD') an instant falls in. */
export function storeDayOf(at: number): string {
  return new Date(at + offsetAt(at)).toISOString().slice(0, 10);
}

/** Days from `from` to `to` inclusive (0 when `to` is before `from`). */
export function storeDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
