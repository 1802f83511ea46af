import type { Milli, ProductUnit } from '../../../app/domain/products/product-record';

/**
 * Stock quantities are integer thousandths of the unit (see app/domain/products/product-record.ts):
 * shown with up to three decimals, parsed from what a manager types without going through a float.
 */
export function formatMilli(quantity: Milli, unit: ProductUnit): string {
  const sign = quantity < 0 ? '−' : '';
  const abs = Math.abs(quantity);
  const whole = Math.trunc(abs / 1000);
  const fraction = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const number = fraction ? `${whole}.${fraction}` : String(whole);
  return unit === 'pieza' ? `${sign}${number}` : `${sign}${number} ${unit}`;
}

// Up to nine digits of units: far above any stock, and a typo of extra digits is refused.
const QUANTITY = /^([+-]?)(\d{1,9})(?:\.(\d{1,3}))?$/;

/** "12", "1.5", "-3", "+0.250" → thousandths; null for anything else (or a sign where none is allowed). */
export function parseMilli(text: string, signed = false): Milli | null {
  const match = QUANTITY.exec(text.trim().replace('−', '-'));
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (sign && !signed) return null;
  const value = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  return sign === '-' ? -value : value;
}
