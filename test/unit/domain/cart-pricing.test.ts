import { describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY, priceLine, priceSale } from '../../../app/domain/cart-pricing';
import { ivaIncludedIn } from '../../../app/domain/money';
import { createRandom, randomInt } from '../../../common/random/prng';

describe('cart pricing', () => {
  it('prices a line as unit price × quantity with the IVA inside it', () => {
    expect(priceLine({ unitPrice: 2000, quantity: 3, ivaRateBp: 1600 })).toEqual({
      gross: 6000,
      iva: 828,
      base: 5172,
    });
  });

  it('charges no IVA on zero-rate items', () => {
    const totals = priceSale([{ unitPrice: 2900, quantity: 2, ivaRateBp: 0 }]);
    expect(totals).toMatchObject({ total: 5800, iva: 0, subtotal: 5800, itemCount: 2 });
    expect(totals.ivaBreakdown).toEqual([{ rateBp: 0, base: 5800, iva: 0 }]);
  });

  it('rounds IVA per line and sums the lines for the sale (CFDI style)', () => {
    // Three $1.00 lines at 16 %: each holds 13.79 → 14 centavos, so the sale's IVA is 42.
    // Rounding once on the sale's total ($3.00 → 41.38 → 41) would give 41: we deliberately do not.
    const lines = [1, 2, 3].map(() => ({ unitPrice: 100, quantity: 1, ivaRateBp: 1600 }));
    const totals = priceSale(lines);
    expect(totals.iva).toBe(42);
    expect(ivaIncludedIn(300, 1600)).toBe(41);
    expect(totals.subtotal + totals.iva).toBe(totals.total);
  });

  it('rounds IVA on the line gross, not per unit, when the quantity is above one', () => {
    // 3 × $1.00 in one line: 41 centavos (per-unit rounding would give 42).
    expect(priceLine({ unitPrice: 100, quantity: 3, ivaRateBp: 1600 }).iva).toBe(41);
  });

  it('breaks IVA out by rate and keeps subtotal + IVA = total across mixed rates', () => {
    const totals = priceSale([
      { unitPrice: 2000, quantity: 1, ivaRateBp: 1600 },
      { unitPrice: 2900, quantity: 1, ivaRateBp: 0 },
      { unitPrice: 1500, quantity: 2, ivaRateBp: 1600 },
      { unitPrice: 10800, quantity: 1, ivaRateBp: 800 },
    ]);
    expect(totals.total).toBe(2000 + 2900 + 3000 + 10800);
    expect(totals.ivaBreakdown.map((e) => e.rateBp)).toEqual([1600, 800, 0]);
    expect(totals.ivaBreakdown[0]).toEqual({ rateBp: 1600, base: 2000 - 276 + 3000 - 414, iva: 276 + 414 });
    expect(totals.ivaBreakdown[1]).toEqual({ rateBp: 800, base: 10000, iva: 800 });
    expect(totals.iva).toBe(276 + 414 + 800);
    expect(totals.subtotal + totals.iva).toBe(totals.total);
    expect(totals.itemCount).toBe(5);
  });

  it('holds subtotal + IVA = total for many random carts', () => {
    const random = createRandom(42);
    const next = () => randomInt(random, 0, 2 ** 31 - 1);
    for (let run = 0; run < 500; run++) {
      const lines = Array.from({ length: 1 + (next() % 12) }, () => ({
        unitPrice: next() % 50_000,
        quantity: 1 + (next() % 20),
        ivaRateBp: [0, 800, 1600][next() % 3] ?? 0,
      }));
      const totals = priceSale(lines);
      expect(totals.subtotal + totals.iva).toBe(totals.total);
      expect(totals.ivaBreakdown.reduce((sum, e) => sum + e.base + e.iva, 0)).toBe(totals.total);
    }
  });

  it('returns zero totals for an empty cart', () => {
    expect(priceSale([])).toEqual({ subtotal: 0, iva: 0, total: 0, ivaBreakdown: [], itemCount: 0 });
  });

  it('refuses quantities that are not whole numbers in range', () => {
    for (const quantity of [0, -1, 1.5, MAX_LINE_QUANTITY + 1, Number.NaN]) {
      expect(() => priceLine({ unitPrice: 100, quantity, ivaRateBp: 1600 })).toThrow(RangeError);
    }
  });
});
