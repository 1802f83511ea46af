import { describe, expect, it } from 'vitest';
import { lineDiscount, priceLine, priceSale } from '../../../app/domain/cart-pricing';
import { parsePesos, pesosText } from '../../../renderer/src/format/parse-pesos';

describe('per-line discounts', () => {
  it('takes the rate off the line, rounded once, and IVA from what the customer pays', () => {
    expect(lineDiscount({ unitPrice: 9500, quantity: 1, ivaRateBp: 1600, discountBp: 1000 })).toBe(950);
    // 3 × $3.33 at 12.5 % = 124.875 centavos → 125.
    expect(lineDiscount({ unitPrice: 333, quantity: 3, ivaRateBp: 0, discountBp: 1250 })).toBe(125);
    expect(priceLine({ unitPrice: 2000, quantity: 2, ivaRateBp: 1600, discountBp: 5000 })).toEqual({
      gross: 2000,
      iva: 276,
      base: 1724,
    });
    const totals = priceSale([
      { unitPrice: 2000, quantity: 2, ivaRateBp: 1600, discountBp: 5000 },
      { unitPrice: 500, quantity: 1, ivaRateBp: 0 },
    ]);
    expect(totals.total).toBe(2500);
    expect(totals.subtotal + totals.iva).toBe(totals.total);
    expect(priceLine({ unitPrice: 100, quantity: 1, ivaRateBp: 0, discountBp: 10_000 }).gross).toBe(0);
    expect(() => lineDiscount({ unitPrice: 100, quantity: 1, ivaRateBp: 0, discountBp: 10_001 })).toThrow(
      RangeError,
    );
  });
});

describe('amounts typed by the cashier', () => {
  it('parses pesos into integer centavos without floats, and refuses anything else', () => {
    expect(parsePesos('120')).toBe(12_000);
    expect(parsePesos('120.5')).toBe(12_050);
    expect(parsePesos(' 1,200.05 ')).toBe(120_005);
    expect(parsePesos('0.1')).toBe(10);
    expect(parsePesos('19.99')).toBe(1_999);
    for (const bad of ['', 'abc', '1.234', '-5', '1e3', '12.3.4', '1000000000'])
      expect(parsePesos(bad)).toBeNull();
    expect(pesosText(4_205)).toBe('42.05');
    expect(parsePesos(pesosText(123_456))).toBe(123_456);
  });
});
