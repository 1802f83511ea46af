import { divideRoundHalfUp, ivaIncludedIn, type Centavos, type RateBp } from './money';
import { MILLI_PER_UNIT, type Milli } from './products/product-record';

/** What pricing needs to know about one cart line. Prices include IVA, as shelf prices do in Mexico. */
export interface PricedLineInput {
  unitPrice: Centavos;
  quantity: number;
  ivaRateBp: RateBp;
  /** Per-line discount in basis points (1000 = 10 %); absent means none. */
  discountBp?: number;
  /** A line sold by weight: thousandths of the product's unit (0.755 kg = 755). See [Note: weighed line money]. */
  quantityMilli?: Milli | null | undefined;
  /** The amount a price-embedded scale label fixed for the line, IVA included. */
  labelAmount?: Centavos | null | undefined;
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

/** Largest weighed quantity of one line: 999.999 of the unit (a counter scale weighs far less). */
export const MAX_LINE_QUANTITY_MILLI = 999_999;

/**
 * The line's amount before its discount. [Note: weighed line money]
 * Money stays integer centavos and a weight is integer thousandths of the product's unit, so a
 * weighed line is price × thousandths ÷ 1000, rounded half up to the centavo once, per line
 * (0.755 kg × $89.90 = $67.8745 → $67.87; 0.750 kg × $89.90 = $67.425 → $67.43). A price-embedded
 * scale label fixes the amount: the customer pays what the label says, the price per unit only
 * explains it. The discount and IVA are then taken from that amount exactly as for a piece line
 * (see [Note: IVA per line]), and the SQL of the product report repeats this formula.
 */
export function lineListAmount(line: PricedLineInput): Centavos {
  if (line.labelAmount != null) return line.labelAmount;
  if (line.quantityMilli != null) {
    const q = line.quantityMilli;
    if (!Number.isSafeInteger(q) || q < 1 || q > MAX_LINE_QUANTITY_MILLI) {
      throw new RangeError(`weighed quantity must be 1..${MAX_LINE_QUANTITY_MILLI} thousandths, got ${q}`);
    }
    return divideRoundHalfUp(line.unitPrice * q, MILLI_PER_UNIT);
  }
  return line.unitPrice * line.quantity;
}

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
  const gross = lineListAmount(line) - lineDiscount(line);
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
  return Math.round((lineListAmount(line) * bp) / 10_000);
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
    // A weighed line is one item, whatever it weighs.
    itemCount += line.quantityMilli != null ? 1 : line.quantity;
    const entry = byRate.get(line.ivaRateBp) ?? { rateBp: line.ivaRateBp, base: 0, iva: 0 };
    entry.base += amounts.base;
    entry.iva += amounts.iva;
    byRate.set(line.ivaRateBp, entry);
  }
  const ivaBreakdown = [...byRate.values()].sort((a, b) => b.rateBp - a.rateBp);
  return { subtotal: total - iva, iva, total, ivaBreakdown, itemCount };
}
