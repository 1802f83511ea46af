import { describe, expect, it } from 'vitest';
import { countedTotal, DENOMINATIONS, expectedCash } from '../../../../app/domain/office/shifts';
import { statusesAgree } from '../../../../app/domain/office/reports';
import {
  dayRange,
  hoursIn,
  isStoreDay,
  monthDays,
  storeDayOf,
  storeHourOf,
} from '../../../../app/domain/office/store-day';

const HOUR = 3_600_000;
const MX = 'America/Mexico_City' as const;

describe('Mexico City store days', () => {
  it('start at local midnight (UTC−6 since Mexico City dropped DST in 2022)', () => {
    expect(dayRange('2026-11-23', MX)).toEqual({
      day: '2026-11-23',
      start: Date.UTC(2026, 10, 23, 6),
      end: Date.UTC(2026, 10, 24, 6),
    });
    expect(storeDayOf(Date.UTC(2026, 10, 24, 5, 59, 59, 999), MX)).toBe('2026-11-23');
    expect(storeDayOf(Date.UTC(2026, 10, 24, 6), MX)).toBe('2026-11-24');
    expect(storeHourOf(Date.UTC(2026, 10, 23, 6), MX)).toBe(0);
  });

  it('keep the old DST days 23 and 25 hours long', () => {
    // 2022-04-03: clocks went forward at 02:00; 2022-10-30: back at 02:00 (the last change).
    expect(hoursIn(dayRange('2022-04-03', MX))).toBe(23);
    expect(hoursIn(dayRange('2022-10-30', MX))).toBe(25);
    expect(dayRange('2022-10-30', MX).start).toBe(Date.UTC(2022, 9, 30, 5));
    expect(storeHourOf(dayRange('2022-10-30', MX).start + 3 * HOUR, MX)).toBe(2);
  });

  it('list the days of a month and refuse impossible dates', () => {
    expect(monthDays('2028-02', MX)).toHaveLength(29);
    expect(monthDays('2026-11', MX).at(-1)?.day).toBe('2026-11-30');
    expect(isStoreDay('2026-02-29')).toBe(false);
    expect(isStoreDay('2026-13-01')).toBe(false);
    expect(() => dayRange('2026-02-30', MX)).toThrow(RangeError);
  });
});

describe('the drawer arithmetic', () => {
  it('totals a count over every Mexican bill and coin', () => {
    const one = Object.fromEntries(DENOMINATIONS.map((d) => [d.id, 1]));
    expect(countedTotal(one)).toBe(
      100_000 + 50_000 + 20_000 + 10_000 + 5_000 + 2_000 + 2_000 + 1_000 + 500 + 200 + 100 + 50,
    );
    expect(countedTotal({ c050: 3 })).toBe(150);
    expect(
      expectedCash({
        openingFloat: 50_000,
        cashSales: 4_000,
        cashIn: 10_000,
        cashOut: 3_550,
        cashRefunds: 1_000,
      }),
    ).toBe(59_450);
  });

  it('never counts an unknown payment as agreeing with Kushki, whatever Kushki says', () => {
    for (const kushki of ['CREATED', 'APPROVED', 'CANCELLED', 'REFUNDED', 'OTHER', 'NOT_FOUND'] as const) {
      expect(statusesAgree('unknown', kushki)).toBe(false);
    }
    expect(statusesAgree('approved', 'APPROVED')).toBe(true);
    expect(statusesAgree('approved', 'REFUNDED')).toBe(false);
    expect(statusesAgree('declined', 'APPROVED')).toBe(false);
  });
});
