import type { Centavos } from '../../../app/domain/money';

// MXN is always shown the Mexican way ($1,234.50), whatever the UI language.
const mxn = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' });

/** Formats integer centavos as MXN for people. */
export function formatMXN(amount: Centavos): string {
  return mxn.format(amount / 100);
}

/** Formats an IVA rate in basis points ("16 %"). */
export function formatRate(rateBp: number): string {
  return `${rateBp / 100} %`;
}
