import { decimalStringToCentavos, type Centavos } from '../../../app/domain/money';

// Nine digits of pesos: far above any counter amount, and a typo of extra digits is refused.
const MAX_TYPED = 100_000_000_000;

/**
 * Parses what a cashier types ("120", "120.5", "1,200.50") into integer centavos, without ever
 * going through a float. Returns null for anything else.
 */
export function parsePesos(text: string): Centavos | null {
  const amount = decimalStringToCentavos(text.trim().replaceAll(',', ''));
  return amount !== null && amount < MAX_TYPED ? amount : null;
}

/** Centavos as the plain text an amount field holds ("120.50"). */
export function pesosText(amount: Centavos): string {
  return `${Math.trunc(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
}
