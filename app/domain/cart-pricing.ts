import { ivaIncludedIn, type Centavos, type RateBp } from './money';

/** What pricing needs to know about one cart line. Prices include IVA, as shelf prices do in Mexico. */
export interface PricedLineInput {
  unitPrice: Centavos;
  quantity: number;
  ivaRateBp: RateBp;
  /** Per-line discount in basis points (1000 = 10 %); absent means none. */
  discountBp?: number;
}

/** One line's money: gross (what the customer pays), IVA inside it, and the base before IVA. */
export interface LineAmounts {
  gross: Centavos;
  iva: Centavos;
  base: Centavos;
}

/** IVA collected at one rate across the sale. */
export interface IvaBreakdownEntry {
  rateBp: RateBp;
  base: Centavos;
  iva: Centavos;
}

/** The totals a sale shows: subtotal + IVA = total, always, to the centavo. */
export interface SaleTotals {
  subtotal: Centavos;
  iva: Centavos;
  total: Centavos;
  ivaBreakdown: IvaBreakdownEntry[];
  itemCount: number;
}

/** Largest quantity one line accepts; a typo like 1000 units is refused rather than charged. */
export const MAX_LINE_QUANTITY = 999;

/**
 * Prices one line. [Note: IVA per line]
 * IVA is rounded per line (as a CFDI 4.0 invoice carries it per concept) and the sale's IVA is the
 * sum of its lines. The base is gross − IVA, so base + IVA = gross on every line and the sale's
 * subtotal + IVA = total with no centavo drift, whatever the mix of rates.
 */
export function priceLine(line: PricedLineInput): LineAmounts {
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_LINE_QUANTITY) {
    throw new RangeError(`quantity must be an integer 1..${MAX_LINE_QUANTITY}, got ${line.quantity}`);
  }
  const gross = line.unitPrice * line.quantity - lineDiscount(line);
  const iva = ivaIncludedIn(gross, line.ivaRateBp);
  return { gross, iva, base: gross - iva };
}

/**
 * The discount of one line in centavos: the rate applied to the line's list amount, rounded once to
 * the nearest centavo. IVA is then taken from the discounted amount (the price the customer pays).
 */
export function lineDiscount(line: PricedLineInput): Centavos {
  const bp = line.discountBp ?? 0;
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10_000)
    throw new RangeError(`discount out of range: ${bp}`);
  return Math.round((line.unitPrice * line.quantity * bp) / 10_000);
}

/** Prices a whole sale from its lines. See [Note: IVA per line]. */
export function priceSale(lines: readonly PricedLineInput[]): SaleTotals {
  const byRate = new Map<RateBp, IvaBreakdownEntry>();
  let total = 0;
  let iva = 0;
  let itemCount = 0;
  for (const line of lines) {
    const amounts = priceLine(line);
    total += amounts.gross;
    iva += amounts.iva;
    itemCount += line.quantity;
    const entry = byRate.get(line.ivaRateBp) ?? { rateBp: line.ivaRateBp, base: 0, iva: 0 };
    entry.base += amounts.base;
    entry.iva += amounts.iva;
    byRate.set(line.ivaRateBp, entry);
  }
  const ivaBreakdown = [...byRate.values()].sort((a, b) => b.rateBp - a.rateBp);
  return { subtotal: total - iva, iva, total, ivaBreakdown, itemCount };
}
