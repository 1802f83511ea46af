import type { IvaTreatment } from './product-record';

/**
 * Reads an IVA as people and other POS exports write it: `16`, `16%`, `16 %`, `0.16`, `8`, `8%`,
 * `0.08`, `0`, `0%`, `exento` (any case; `exenta` and `E` too). A spreadsheet's numeric cell
 * arrives as a number (0.16 or 16). Null for anything else: an unknown rate is refused, never guessed.
 */
export function parseIva(value: string | number): IvaTreatment | null {
  if (typeof value === 'number') return ivaFromNumber(value);
  const text = value.trim().toLowerCase();
  if (text === 'exento' || text === 'exenta' || text === 'e') return { kind: 'exempt' };
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
  if (!match) return null;
  const [, digits = '', percent] = match;
  const number = Number(digits);
  if (percent) return rateFromPercent(number);
  return ivaFromNumber(number);
}

function ivaFromNumber(number: number): IvaTreatment | null {
  // 0.16 and 16 both mean 16 %; 0 is tasa cero.
  if (number > 0 && number < 1) return rateFromPercent(Math.round(number * 10_000) / 100);
  return rateFromPercent(number);
}

function rateFromPercent(percent: number): IvaTreatment | null {
  if (percent === 16) return { kind: 'rate', rateBp: 1600 };
  if (percent === 8) return { kind: 'rate', rateBp: 800 };
  if (percent === 0) return { kind: 'rate', rateBp: 0 };
  return null;
}

/** How Caja's export writes an IVA, readable back by {@link parseIva}. */
export function formatIva(iva: IvaTreatment): string {
  return iva.kind === 'exempt' ? 'exento' : `${iva.rateBp / 100}%`;
}
