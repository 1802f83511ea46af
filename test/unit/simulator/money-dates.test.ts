// Centavo conversion and −06:00 date formatting: the two places where a rounding or offset slip would reach the wire.
import { describe, expect, it } from 'vitest';
import { centsToNumber, formatCents, toCents } from '../../../simulator/core/money';
import { toMexicoIso } from '../../../simulator/core/dates';

describe('toCents', () => {
  it.each([
    [37, 3700],
    [37.1, 3710],
    [37.05, 3705],
    [0.01, 1],
    [999999.99, 99999999],
    [-5.5, -550],
  ])('%d → %i', (amount, cents) => expect(toCents(amount)).toBe(cents));

  it.each([0.1 + 0.2, 10.123, 1e-7, Infinity, NaN, 1e300])('rejects %d', (amount) => {
    expect(toCents(amount)).toBeNull();
  });
});

describe('formatCents', () => {
  it.each([
    [15000, '150.00'],
    [1, '0.01'],
    [1505, '15.05'],
    [0, '0.00'],
    [-250, '-2.50'],
  ])('%i → %s', (cents, text) => expect(formatCents(cents)).toBe(text));

  it('round-trips through centsToNumber', () => expect(centsToNumber(toCents(12.34) as number)).toBe(12.34));
});

describe('toMexicoIso', () => {
  it('prints the get-status example instant with −06:00', () => {
    expect(toMexicoIso(Date.UTC(2024, 10, 11, 15, 50, 57))).toBe('2024-11-11T09:50:57-06:00');
  });

  it('moves to the previous day before 06:00 UTC and drops milliseconds', () => {
    expect(toMexicoIso(Date.UTC(2025, 0, 1, 5, 59, 59, 999))).toBe('2024-12-31T23:59:59-06:00');
  });

  it('uses −06:00 in summer too (no DST since 2022)', () => {
    expect(toMexicoIso(Date.UTC(2025, 6, 1, 12, 0, 0))).toBe('2025-07-01T06:00:00-06:00');
  });
});
