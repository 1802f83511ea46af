import { describe, expect, it } from 'vitest';
import { voidCutoffFor, voidOrRefund } from '../../../../app/domain/office/void-or-refund';

/** An instant given as Mexico City wall-clock time with its UTC offset in hours. */
const mx = (iso: string, offsetHours = -6) =>
  Date.parse(`${iso}${offsetHours < 0 ? '-' : '+'}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`);

describe('the 23:00 void/refund rule (§2.5 a)', () => {
  const approved = mx('2025-03-10T10:15:00');

  it('is a void up to 22:59:59 of the approval day and a refund from 23:00:00', () => {
    expect(voidOrRefund(approved, mx('2025-03-10T22:59:59'))).toEqual({
      kind: 'void',
      cutoffAt: mx('2025-03-10T23:00:00'),
    });
    expect(voidOrRefund(approved, mx('2025-03-10T22:59:59') + 999).kind).toBe('void');
    expect(voidOrRefund(approved, mx('2025-03-10T23:00:00')).kind).toBe('refund');
  });

  it('counts the Mexico City day, not the UTC day: 19:00 there is already tomorrow in UTC', () => {
    const evening = mx('2025-03-10T19:30:00'); // 01:30 UTC on the 11th
    expect(voidOrRefund(evening, mx('2025-03-10T21:00:00')).kind).toBe('void');
    expect(voidCutoffFor(evening)).toBe(mx('2025-03-10T23:00:00'));
  });

  it('at and after midnight it is a refund; an approval at 00:00:00 has the whole day', () => {
    expect(voidOrRefund(approved, mx('2025-03-11T00:00:00')).kind).toBe('refund');
    const midnight = mx('2025-03-11T00:00:00');
    expect(voidOrRefund(midnight, mx('2025-03-11T00:00:01')).kind).toBe('void');
    expect(voidCutoffFor(midnight)).toBe(mx('2025-03-11T23:00:00'));
    expect(voidCutoffFor(mx('2025-03-10T23:59:59'))).toBe(mx('2025-03-10T23:00:00'));
  });

  it('an approval after 23:00 can only be refunded, even a second later', () => {
    const late = mx('2025-03-10T23:30:00');
    expect(voidOrRefund(late, late + 1000).kind).toBe('refund');
  });

  it('the day after is a refund', () => {
    expect(voidOrRefund(approved, mx('2025-03-11T09:00:00')).kind).toBe('refund');
  });

  it('uses UTC−6 all year since Mexico dropped DST (October 2022), and UTC−5 in a summer before', () => {
    expect(voidCutoffFor(mx('2024-07-01T12:00:00'))).toBe(Date.parse('2024-07-02T05:00:00Z'));
    expect(voidCutoffFor(mx('2023-04-15T08:00:00'))).toBe(Date.parse('2023-04-16T05:00:00Z'));
    expect(voidCutoffFor(mx('2022-06-01T12:00:00', -5))).toBe(Date.parse('2022-06-02T04:00:00Z'));
    // The last DST change: 30 Oct 2022 02:00 CDT → 01:00 CST. 23:00 that day is CST.
    expect(voidCutoffFor(mx('2022-10-30T00:30:00', -5))).toBe(Date.parse('2022-10-31T05:00:00Z'));
  });
});
