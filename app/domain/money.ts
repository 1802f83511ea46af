/**
 * Money is integer centavos everywhere inside Caja. Decimal strings exist only at the edges:
 * formatting for people (renderer, receipts) and for Kushki's wire format (infra/kushki).
 */

/** An amount in integer centavos (1 MXN = 100 centavos). */
export type Centavos = number;

/** IVA rate in basis points: 1600 = 16 %, 0 = 0 % (tasa cero, basic foods). */
export type RateBp = number;

/** The IVA rates Mexican retail uses at the counter (border-zone 8 % included for stores that qualify). */
export const IVA_RATES_BP: readonly RateBp[] = [0, 800, 1600];

/** True when `value` is a safe, non-negative integer amount of centavos. */
export function isCentavos(value: unknown): value is Centavos {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Integer division rounding half away from zero, for non-negative numerator and positive divisor. */
export function divideRoundHalfUp(numerator: number, divisor: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(divisor) || divisor <= 0 || numerator < 0) {
    throw new RangeError(`divideRoundHalfUp needs safe integers, got ${numerator}/${divisor}`);
  }
  const quotient = Math.floor(numerator / divisor);
  const remainder = numerator - quotient * divisor;
  return remainder * 2 >= divisor ? quotient + 1 : quotient;
}

/**
 * The IVA contained in a price that already includes it: gross × rate / (1 + rate), rounded half up
 * to the centavo. Computed in integers so no binary-float rounding can creep in.
 */
export function ivaIncludedIn(gross: Centavos, rateBp: RateBp): Centavos {
  if (rateBp === 0) return 0;
  return divideRoundHalfUp(gross * rateBp, 10_000 + rateBp);
}

/**
 * Parses a plain decimal amount ("120", "120.", "120.5", "120.50") into integer centavos without
 * going through a float; null for anything else (signs, separators, a third decimal).
 */
export function decimalStringToCentavos(text: string): Centavos | null {
  // 13 digits of pesos keep the centavos a safe integer.
  const match = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  const [, pesos = '0', cents = ''] = match;
  return Number(pesos) * 100 + Number(cents.padEnd(2, '0'));
}

/** Formats centavos as a plain two-decimal string ("1234.50"), the form Kushki's API expects. */
export function centavosToDecimalString(amount: Centavos): string {
  if (!isCentavos(amount)) throw new RangeError(`not an amount of centavos: ${amount}`);
  const pesos = Math.floor(amount / 100);
  const cents = amount % 100;
  return `${pesos}.${cents.toString().padStart(2, '0')}`;
}
