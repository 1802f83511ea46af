import type { Centavos } from '../../../app/domain/money';

/**
 * Parses what a cashier types ("120", "120.5", "1,200.50") into integer centavos, without ever
 * going through a float. Returns null for anything else.
 */
export function parsePesos(text: string): Centavos | null {
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text.trim().replaceAll(',', ''));
  if (!match) return null;
  const [, pesos = '0', cents = ''] = match;
  return Number(pesos) * 100 + Number(cents.padEnd(2, '0'));
}

/** Centavos as the plain text an amount field holds ("120.50"). */
export function pesosText(amount: Centavos): string {
  return `${Math.trunc(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
}
