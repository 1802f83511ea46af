import { describe, expect, it } from 'vitest';
import { lineListAmount, priceLine, priceSale } from '../../../app/domain/cart-pricing';
import { formatWeight, parseKilograms, weighedLineText } from '../../../app/domain/weighed-line';

// See [Note: weighed line money].
describe('money of a line sold by weight', () => {
  it('rounds price × weight half up to the centavo, once per line', () => {
    // 0.755 kg × $89.90 = $67.8745 → $67.87
    expect(lineListAmount({ unitPrice: 8990, quantity: 1, ivaRateBp: 0, quantityMilli: 755 })).toBe(6787);
    // 0.750 kg × $89.90 = $67.425 → $67.43 (exactly half a centavo goes up)
    expect(lineListAmount({ unitPrice: 8990, quantity: 1, ivaRateBp: 0, quantityMilli: 750 })).toBe(6743);
    // 1.000 kg is the price itself; 0.001 kg of $24.90 is 2.49 centavos → 2
    expect(lineListAmount({ unitPrice: 2490, quantity: 1, ivaRateBp: 0, quantityMilli: 1000 })).toBe(2490);
    expect(lineListAmount({ unitPrice: 2490, quantity: 1, ivaRateBp: 0, quantityMilli: 1 })).toBe(2);
  });

  it('takes IVA from the rounded amount, as on any line', () => {
    // 1.250 kg × $45.00 at 16 %: $56.25 gross, IVA 5625 × 1600 / 11600 = 775.86 → 776.
    expect(priceLine({ unitPrice: 4500, quantity: 1, ivaRateBp: 1600, quantityMilli: 1250 })).toEqual({
      gross: 5625,
      iva: 776,
      base: 4849,
    });
  });

  it('charges what a price label says, discount and IVA taken from it', () => {
    const line = { unitPrice: 8990, quantity: 1, ivaRateBp: 1600, quantityMilli: 755, labelAmount: 6800 };
    expect(priceLine(line)).toEqual({ gross: 6800, iva: 938, base: 5862 });
    // 10 % off $68.00 is $6.80.
    expect(priceLine({ ...line, discountBp: 1000 }).gross).toBe(6120);
  });

  it('counts a weighed line as one item and keeps subtotal + IVA = total', () => {
    const totals = priceSale([
      { unitPrice: 8990, quantity: 1, ivaRateBp: 1600, quantityMilli: 755 },
      { unitPrice: 2000, quantity: 3, ivaRateBp: 1600 },
    ]);
    expect(totals.itemCount).toBe(4);
    expect(totals.total).toBe(6787 + 6000);
    expect(totals.subtotal + totals.iva).toBe(totals.total);
  });

  it('refuses a weight out of range', () => {
    expect(() => priceLine({ unitPrice: 100, quantity: 1, ivaRateBp: 0, quantityMilli: 0 })).toThrow(
      RangeError,
    );
    expect(() => priceLine({ unitPrice: 100, quantity: 1, ivaRateBp: 0, quantityMilli: 1_000_000 })).toThrow(
      RangeError,
    );
    expect(() => priceLine({ unitPrice: 100, quantity: 1, ivaRateBp: 0, quantityMilli: 1.5 })).toThrow(
      RangeError,
    );
  });
});

describe('weights as people read and type them', () => {
  it('shows three decimals and the price per unit', () => {
    expect(formatWeight(755, 'kg')).toBe('0.755 kg');
    expect(formatWeight(12_000, 'kg')).toBe('12.000 kg');
    expect(weighedLineText({ quantityMilli: 755, unit: 'kg', unitPrice: 8990 })).toBe('0.755 kg × $89.90/kg');
    expect(weighedLineText({ quantityMilli: null, unit: 'pieza', unitPrice: 8990 })).toBeNull();
  });

  it('reads kilograms with a point or a comma, up to three decimals', () => {
    expect(parseKilograms('0.755')).toBe(755);
    expect(parseKilograms('0,755')).toBe(755);
    expect(parseKilograms('.5')).toBe(500);
    expect(parseKilograms('2')).toBe(2000);
    expect(parseKilograms(' 1.25 ')).toBe(1250);
    for (const bad of ['', '.', '0', '0.000', '-1', '1.2345', 'abc', '1000', '1e3']) {
      expect(parseKilograms(bad)).toBeNull();
    }
  });
});
