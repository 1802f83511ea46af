/**
 * Store calendar days as UTC epoch-ms ranges. A "day" of the store is a local calendar day in the
 * store's own zone (issue 13: a setting, passed in by the caller), whatever the PC's zone; the offset
 * is read from Intl at each boundary so DST days (Tijuana's every March and November, Mexico City's
 * until 2022) come out 23 or 25 hours long.
 */
import type { StoreTimeZone } from '../store-time-zone';

const HOUR_MS = 3_600_000;

const partsFormats = new Map<StoreTimeZone, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function partsFormat(zone: StoreTimeZone): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** Local wall-clock fields of an instant in the store's zone. */
export function localParts(
  at: number,
  zone: StoreTimeZone,
): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const fields: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(at)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** Local time minus UTC at `at` in `zone`, in ms (−6 h in Mexico City since 2022). */
export function zoneOffsetMs(at: number, zone: StoreTimeZone): number {
  const p = localParts(at, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant local midnight starts on year-month-day (month 1–12). */
function localMidnight(year: number, month: number, day: number, zone: StoreTimeZone): number {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - zoneOffsetMs(guess, zone);
  return guess - zoneOffsetMs(first, zone);
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** True when `text` is a real calendar date written YYYY-MM-DD. */
export function isStoreDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when `text` is a month written YYYY-MM. */
export function isStoreMonth(text: string): boolean {
  const match = MONTH_PATTERN.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** One store day: its name and its [start, end) range in epoch ms. */
export interface DayRange {
  day: string;
  start: number;
  end: number;
}

/** The [start, end) range of a YYYY-MM-DD day in the store's zone. */
export function dayRange(day: string, zone: StoreTimeZone): DayRange {
  const match = DAY_PATTERN.exec(day);
  if (!match || !isStoreDay(day)) throw new RangeError(`not a day: ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return {
    day,
    start: localMidnight(year, month, date, zone),
    end: localMidnight(year, month, date + 1, zone),
  };
}

/** Every day of a YYYY-MM month, in order. */
export function monthDays(month: string, zone: StoreTimeZone): DayRange[] {
  const match = MONTH_PATTERN.exec(month);
  if (!match || !isStoreMonth(month)) throw new RangeError(`not a month: ${month}`);
  const [year, monthNumber] = [Number(match[1]), Number(match[2])];
  const length = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length }, (_, i) => dayRange(`${month}-${String(i + 1).padStart(2, '0')}`, zone));
}

/** The store day (YYYY-MM-DD) an instant falls on. */
export function storeDayOf(at: number, zone: StoreTimeZone): string {
  const p = localParts(at, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The local hour (0–23) an instant falls in. */
export function storeHourOf(at: number, zone: StoreTimeZone): number {
  return localParts(at, zone).hour;
}

/** Whole hours of a day's range; 24 except on a DST change. Used to turn elapsed hours into local ones. */
export function hoursIn(range: DayRange): number {
  return Math.round((range.end - range.start) / HOUR_MS);
}

/** The instant the store's day `day` ('YYYY-MM-DD') begins. */
export function storeDayStart(day: string, zone: StoreTimeZone): number {
  return dayRange(day, zone).start;
}

/** The day after `day`. */
export function nextStoreDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** [start, end) in epoch ms covering the store days `from`..`to`, both included. */
export function storeDayRange(
  zone: StoreTimeZone,
  from: string,
  to: string = from,
): { start: number; end: number } {
  return { start: dayRange(from, zone).start, end: dayRange(to, zone).end };
}

/** Days from `from` to `to` inclusive (0 when `to` is before `from`). */
export function storeDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
