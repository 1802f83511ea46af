import type { Centavos } from './money';
import { DEFAULT_SCALE_LABEL_LAYOUTS, scaleLabelLayoutProblem, type ScaleLabelLayout } from './scale-label';

/**
 * Counter settings of issue 14: the open-price limit and the scale-label layouts. Pure rules shared
 * by the trusted side (reading the stored rows) and the office's settings screen.
 */

/** What the manager's settings screen shows and saves. */
export interface CounterSettings {
  /** An open-price item above this amount (IVA included) needs a manager; 0 means always. */
  openPriceLimit: Centavos;
  /** One layout per prefix read as a scale label; other 20–29 codes are plain codes. */
  scaleLabels: ScaleLabelLayout[];
}

/** $500.00: a cashier rings up small unlisted items alone; a costly one is a manager's call. */
export const DEFAULT_OPEN_PRICE_LIMIT: Centavos = 50_000;

/** The name an open-price line gets when the cashier types none (receipts and reports show it). */
export const OPEN_PRICE_DEFAULT_NAME = 'Artículo común';

/** Reads the stored limit; a missing or corrupt row reads as the default. */
export function openPriceLimitOf(stored: string | undefined): Centavos {
  const value = Number(stored ?? DEFAULT_OPEN_PRICE_LIMIT);
  return Number.isSafeInteger(value) && value >= 0 && value <= 1_000_000_000
    ? value
    : DEFAULT_OPEN_PRICE_LIMIT;
}

/** Why a list of layouts cannot be saved (the first problem, in English), or null. */
export function scaleLabelsProblem(layouts: readonly ScaleLabelLayout[]): string | null {
  const prefixes = new Set<string>();
  for (const layout of layouts) {
    const problem = scaleLabelLayoutProblem(layout);
    if (problem) return `${layout.prefix}: ${problem}`;
    if (prefixes.has(layout.prefix)) return `${layout.prefix}: the prefix is listed twice`;
    prefixes.add(layout.prefix);
  }
  return null;
}

/**
 * Reads the stored layouts (JSON). A missing row is the defaults; a corrupt one is the defaults too,
 * since a counter that stops reading labels is worse than one that reads them as printed out of the box.
 */
export function scaleLabelsOf(stored: string | undefined): ScaleLabelLayout[] {
  if (stored === undefined) return [...DEFAULT_SCALE_LABEL_LAYOUTS];
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!Array.isArray(parsed)) return [...DEFAULT_SCALE_LABEL_LAYOUTS];
    const layouts = parsed.map((l: Record<string, unknown>) => ({
      prefix: String(l.prefix),
      pluDigits: Number(l.pluDigits),
      kind: l.kind === 'weight' ? ('weight' as const) : ('price' as const),
      valueDigits: Number(l.valueDigits),
      decimals: Number(l.decimals),
      valueCheckDigit: l.valueCheckDigit === true,
    }));
    return scaleLabelsProblem(layouts) === null ? layouts : [...DEFAULT_SCALE_LABEL_LAYOUTS];
  } catch {
    return [...DEFAULT_SCALE_LABEL_LAYOUTS];
  }
}
