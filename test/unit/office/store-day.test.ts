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
