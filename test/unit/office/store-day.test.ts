import { describe, expect, it } from 'vitest';
import {
  isStoreDay,
  storeDayOf,
  storeDayRange,
  storeDaysBetween,
} from '../../../app/domain/office/store-day';

const MX = 'America/Mexico_City' as const;

describe('store days (America/Mexico_City)', () => {
  it('cuts a day at local midnight, UTC−6 since 2022', () => {
    const { start, end } = storeDayRange(MX, '2026-11-20');
    expect(new Date(start).toISOString()).toBe('2026-11-20T06:00:00.000Z');
    expect(end - start).toBe(24 * 3_600_000);
    expect(storeDayOf(start, MX)).toBe('2026-11-20');
    expect(storeDayOf(start - 1, MX)).toBe('2026-11-19');
  });

  it('knows the old summer time: 23 and 25 hour days in 2021', () => {
    const spring = storeDayRange(MX, '2021-04-04');
    const autumn = storeDayRange(MX, '2021-10-31');
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
    expect(new Date(storeDayRange(MX, '2021-07-01').start).toISOString()).toBe('2021-07-01T05:00:00.000Z');
  });

  it('accepts only real calendar dates and counts days inclusively', () => {
    expect(['2026-02-28', '2024-02-29'].map(isStoreDay)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '26-01-01', '2026-1-01'].map(isStoreDay)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(storeDaysBetween('2026-01-01', '2026-12-31')).toBe(365);
    expect(storeDaysBetween('2026-11-20', '2026-11-19')).toBe(0);
  });
});

describe('a Tijuana store (US daylight saving; Mexico City has none since 2022)', () => {
  const TJ = 'America/Tijuana' as const;
  it.each([
    // 2026-03-08: US clocks go forward at 02:00 (PST → PDT, UTC−8 → UTC−7): a 23-hour day.
    ['2026-03-08', Date.UTC(2026, 2, 8, 8), Date.UTC(2026, 2, 9, 7), 23, Date.UTC(2026, 2, 9, 6, 30)],
    // 2026-11-01: back at 02:00 (PDT → PST): a 25-hour day.
    ['2026-11-01', Date.UTC(2026, 10, 1, 7), Date.UTC(2026, 10, 2, 8), 25, Date.UTC(2026, 10, 2, 7, 30)],
  ])('%s: cut at local midnight, and 23:30 local is still that day', (day, start, end, hours, at2330) => {
    const range = storeDayRange(TJ, day);
    expect(range).toEqual({ start, end });
    expect((range.end - range.start) / 3_600_000).toBe(hours);
    // 23:30 in Tijuana is already the next day in Mexico City.
    expect(storeDayOf(at2330, TJ)).toBe(day);
    expect(storeDayOf(at2330, MX)).not.toBe(day);
  });
});
