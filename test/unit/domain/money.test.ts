import { describe, expect, it } from 'vitest';
import {
  centavosToDecimalString,
  decimalStringToCentavos,
  divideRoundHalfUp,
  isCentavos,
  ivaIncludedIn,
} from '../../../app/domain/money';

describe('money', () => {
  it('rounds half up in integer division', () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3);
    expect(divideRoundHalfUp(4, 3)).toBe(1);
    expect(divideRoundHalfUp(0, 7)).toBe(0);
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
  });

  it('extracts the IVA contained in an IVA-included price', () => {
    expect(ivaIncludedIn(11600, 1600)).toBe(1600); // $116.00 at 16 % holds $16.00
    expect(ivaIncludedIn(2000, 1600)).toBe(276); // $20.00 → 275.86… rounds to 276
    expect(ivaIncludedIn(100, 1600)).toBe(14); // 13.79 → 14
    expect(ivaIncludedIn(4500, 0)).toBe(0);
    expect(ivaIncludedIn(10800, 800)).toBe(800);
  });

  it('formats centavos for the wire with exactly two decimals', () => {
    expect(centavosToDecimalString(0)).toBe('0.00');
    expect(centavosToDecimalString(5)).toBe('0.05');
    expect(centavosToDecimalString(123456)).toBe('1234.56');
    expect(() => centavosToDecimalString(1.5)).toThrow(RangeError);
    expect(() => centavosToDecimalString(-1)).toThrow(RangeError);
  });

  it('recognises centavos', () => {
    expect(isCentavos(100)).toBe(true);
    expect(isCentavos(0.5)).toBe(false);
    expect(isCentavos(-1)).toBe(false);
    expect(isCentavos('100')).toBe(false);
  });
});

describe('decimal strings to centavos', () => {
  it('reads plain decimals exactly and refuses anything else', () => {
    expect(decimalStringToCentavos('150.00')).toBe(15_000);
    expect(decimalStringToCentavos('0.5')).toBe(50);
    expect(decimalStringToCentavos('7.')).toBe(700);
    expect(decimalStringToCentavos('1234567890123.99')).toBe(123_456_789_012_399);
    for (const bad of ['', '-1', '1,000', '1.234', ' 1', '1e3', '12345678901234']) {
      expect(decimalStringToCentavos(bad)).toBeNull();
    }
    expect(decimalStringToCentavos(centavosToDecimalString(98_765))).toBe(98_765);
  });
});
