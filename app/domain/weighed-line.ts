import { centavosToDecimalString, type Centavos } from './money';
import { MILLI_PER_UNIT, type Milli, type ProductUnit } from './products/product-record';

/** What a weighed line needs to say what it is. */
export interface WeighedLineFacts {
  quantityMilli: Milli | null;
  unit: ProductUnit;
  unitPrice: Centavos;
}

/** A weight with its three decimals, always ("0.755 kg", "1.000 kg"): what the scale showed. */
export function formatWeight(milli: Milli, unit: ProductUnit): string {
  const whole = Math.floor(milli / MILLI_PER_UNIT);
  const rest = String(milli % MILLI_PER_UNIT).padStart(3, '0');
  return `${whole}.${rest} ${unit}`;
}

/**
 * How receipts and the cart explain a weighed line: "0.755 kg × $89.90/kg"; null for a piece line.
 * The line's amount is beside it (price × weight rounded per line, or the label's price: see
 * [Note: weighed line money]).
 */
export function weighedLineText(line: WeighedLineFacts): string | null {
  if (line.quantityMilli === null) return null;
  return `${formatWeight(line.quantityMilli, line.unit)} × $${centavosToDecimalString(line.unitPrice)}/${line.unit}`;
}

/**
 * Reads a weight typed in kilograms ("0.755", "0,755", ".5", "2") into thousandths; null for
 * anything else (a fourth decimal, a sign, zero). The comma is accepted: Mexican keypads and some
 * scales write it.
 */
export function parseKilograms(text: string): Milli | null {
  const match = /^(\d{0,3})(?:[.,](\d{0,3}))?$/.exec(text.trim());
  if (!match || (match[1] === '' && !match[2])) return null;
  const milli = Number(match[1] || '0') * MILLI_PER_UNIT + Number((match[2] ?? '').padEnd(3, '0'));
  return milli > 0 ? milli : null;
}
