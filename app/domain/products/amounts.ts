import { decimalStringToCentavos, type Centavos } from '../money';
import type { ProductProblem } from './product-problems';
import { MILLI_PER_UNIT, type Milli } from './product-record';

/** A parsed value or why it was refused (see [Note: product problems]). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ProductProblem };

/** Ten million pesos: no shop item costs more, and it keeps every total a safe integer. */
export const MAX_PRICE_CENTAVOS = 1_000_000_000;

/**
 * Reads a price from a cell or a form: `12.50`, `$12.50`, `1,234.50`, `12` or a spreadsheet number.
 * Goes through decimalStringToCentavos, never a float sum. Negative, non-numeric and more than two
 * decimals are refused (a third decimal would be silently rounded otherwise).
 */
export function parsePrice(value: string | number): Parsed<Centavos> {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, problem: { code: 'price_not_a_number' } };
    if (value < 0) return { ok: false, problem: { code: 'price_negative' } };
    // A spreadsheet's 12.5 is the float nearest 12.50: round to the centavo, refuse a real third decimal.
    const centavos = Math.round(value * 100);
    if (Math.abs(centavos - value * 100) > 1e-6 * Math.max(1, Math.abs(value))) {
      return { ok: false, problem: { code: 'price_too_many_decimals' } };
    }
    text = (centavos / 100).toFixed(2);
  } else {
    text = value.trim().replace(/^\$\s*/, '');
    if (text.startsWith('-')) return { ok: false, problem: { code: 'price_negative' } };
    // Thousands separators only in their right places ("1,234.50", not "1,2").
    if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) text = text.replaceAll(',', '');
  }
  const centavos = decimalStringToCentavos(text);
  if (centavos === null) {
    return { ok: false, problem: { code: 'price_not_an_amount', params: { value: String(value).trim() } } };
  }
  if (centavos > MAX_PRICE_CENTAVOS) return { ok: false, problem: { code: 'price_too_large' } };
  return { ok: true, value: centavos };
}

/** Formats centavos for a spreadsheet cell: `12.50`. */
export function formatPrice(centavos: Centavos): string {
  return (centavos / 100).toFixed(2);
}

/** One hundred million units: above any shop's shelf, still a safe integer in thousandths. */
const MAX_QUANTITY_MILLI = 100_000_000_000;

/**
 * Reads a stock quantity in thousandths: `12`, `1.250`, `-3` (stock may be negative: the counter
 * never blocks a sale), or a spreadsheet number. More than three decimals is refused.
 */
export function parseQuantity(value: string | number, options: { allowNegative: boolean }): Parsed<Milli> {
  const text = typeof value === 'number' ? String(value) : value.trim().replaceAll(',', '');
  const match = /^(-?)(\d{1,12})(?:\.(\d{0,3})0*)?$/.exec(
    typeof value === 'number' && Number.isFinite(value) ? value.toFixed(6).replace(/0+$/, '') : text,
  );
  if (!match) {
    return { ok: false, problem: { code: 'quantity_invalid', params: { value: String(value).trim() } } };
  }
  const [, sign, units = '0', thousandths = ''] = match;
  const milli = Number(units) * MILLI_PER_UNIT + Number(thousandths.padEnd(3, '0'));
  if (milli > MAX_QUANTITY_MILLI) return { ok: false, problem: { code: 'quantity_too_large' } };
  if (sign && milli !== 0 && !options.allowNegative) {
    return { ok: false, problem: { code: 'quantity_negative' } };
  }
  return { ok: true, value: sign ? -milli : milli };
}

/** Formats thousandths for a spreadsheet cell: `12`, `1.25`. */
export function formatQuantity(milli: Milli): string {
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  const units = Math.floor(abs / MILLI_PER_UNIT);
  const rest = abs % MILLI_PER_UNIT;
  return rest === 0
    ? `${sign}${units}`
    : `${sign}${units}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
}
