import { isValidEan13 } from './ean13';
import type { Centavos } from './money';
import type { Milli } from './products/product-record';

/**
 * Scale labels: GS1 variable-measure EAN-13 (restricted circulation numbers, prefixes 20–29) as the
 * store's label scales print them (Torrey, Rhino, Bizerba, CAS…). [Note: scale label layouts]
 *
 * A label is 13 digits: the 2-digit prefix, the PLU (the item's number in the scale), optionally a
 * price check digit, the value (the label's price or the weight) and the EAN-13 check digit:
 *
 *     2 0 P P P P P V V V V V C        prefix 20, PLU 5, price 5 (2 decimals)     → "$123.45"
 *     2 6 P P P P P K V V V V C        prefix 26, PLU 5, price check K, price 4   → "$12.34"
 *
 * so PLU + value + (check ? 1 : 0) is always 10 digits. Which prefix carries what is the store's
 * choice in the scale's own set-up; Caja's setting `sales.scaleLabels` mirrors it per prefix.
 * Defaults ({@link DEFAULT_SCALE_LABEL_LAYOUTS}), what Torrey's scales print out of the box in
 * Mexico and most others can be set to: 20–22 price (PLU 5, $999.99 max), 23–25 weight (PLU 5,
 * kilograms with 3 decimals, 99.999 kg max), 26–29 not read as labels (left to other in-store codes).
 * A prefix with no layout is an ordinary code and is looked up as it is.
 */

/** What the value field of a label carries. */
export type ScaleLabelValueKind = 'price' | 'weight';

/** How one prefix's labels are laid out. */
export interface ScaleLabelLayout {
  /** Two digits, 20 to 29. */
  prefix: string;
  /** Digits of the PLU, right after the prefix. */
  pluDigits: number;
  kind: ScaleLabelValueKind;
  /** Digits of the value field, right before the EAN-13 check digit. */
  valueDigits: number;
  /** Decimals of the value: 2 for a price in pesos (centavos), 3 for kilograms (grams). */
  decimals: number;
  /** A GS1 price/weight check digit sits between the PLU and the value (4- or 5-digit values only). */
  valueCheckDigit: boolean;
}

/** The defaults: see [Note: scale label layouts]. */
export const DEFAULT_SCALE_LABEL_LAYOUTS: readonly ScaleLabelLayout[] = [
  ...['20', '21', '22'].map((prefix) => ({
    prefix,
    pluDigits: 5,
    kind: 'price' as const,
    valueDigits: 5,
    decimals: 2,
    valueCheckDigit: false,
  })),
  ...['23', '24', '25'].map((prefix) => ({
    prefix,
    pluDigits: 5,
    kind: 'weight' as const,
    valueDigits: 5,
    decimals: 3,
    valueCheckDigit: false,
  })),
];

/** A label read: the PLU to look up and what the label says the item weighs or costs. */
export type ScaleLabel =
  { plu: string; kind: 'price'; price: Centavos } | { plu: string; kind: 'weight'; weight: Milli };

/** Why a 13-digit code starting 20–29 under a layout was refused (never guessed). */
export type ScaleLabelError = 'bad_check_digit' | 'bad_value_check_digit' | 'zero_value';

/** The result of reading a code: not a label (look it up as it is), a label, or a refused label. */
export type ScaleLabelRead =
  | { kind: 'not_a_label' }
  | { kind: 'label'; label: ScaleLabel }
  | { kind: 'refused'; reason: ScaleLabelError };

/** Why a layout cannot be used, in English (the settings screen words it); null when it is sound. */
export function scaleLabelLayoutProblem(layout: ScaleLabelLayout): string | null {
  if (!/^2\d$/.test(layout.prefix)) return 'the prefix must be 20 to 29';
  const ints = [layout.pluDigits, layout.valueDigits, layout.decimals];
  if (!ints.every((n) => Number.isSafeInteger(n) && n >= 0)) return 'digits must be whole numbers';
  if (layout.pluDigits < 1) return 'the PLU needs at least one digit';
  if (layout.valueDigits < 1) return 'the value needs at least one digit';
  if (layout.pluDigits + layout.valueDigits + (layout.valueCheckDigit ? 1 : 0) !== 10)
    return 'PLU, value and check digit must take the 10 digits between the prefix and the check digit';
  if (layout.valueCheckDigit && layout.valueDigits !== 4 && layout.valueDigits !== 5)
    return 'a value check digit exists for 4- or 5-digit values only';
  const wanted = layout.kind === 'price' ? 2 : 3;
  if (layout.decimals > wanted) return `a ${layout.kind} has at most ${wanted} decimals`;
  return null;
}

/**
 * Reads `code` under the store's layouts. Only 13 digits whose prefix has a layout are labels; a
 * label with a wrong EAN-13 or value check digit is refused rather than looked up as a plain code
 * (a misread must not charge a wrong weight).
 */
export function readScaleLabel(code: string, layouts: readonly ScaleLabelLayout[]): ScaleLabelRead {
  if (!/^2\d{12}$/.test(code)) return { kind: 'not_a_label' };
  const layout = layouts.find((l) => l.prefix === code.slice(0, 2));
  if (!layout || scaleLabelLayoutProblem(layout) !== null) return { kind: 'not_a_label' };
  if (!isValidEan13(code)) return { kind: 'refused', reason: 'bad_check_digit' };
  const plu = code.slice(2, 2 + layout.pluDigits);
  const valueStart = 12 - layout.valueDigits;
  const digits = code.slice(valueStart, 12);
  if (layout.valueCheckDigit && priceCheckDigit(digits) !== Number(code[valueStart - 1])) {
    return { kind: 'refused', reason: 'bad_value_check_digit' };
  }
  // Scale a value of `decimals` decimals to centavos (2) or grams (3): integers only, no float.
  const wanted = layout.kind === 'price' ? 2 : 3;
  const value = Number(digits) * 10 ** (wanted - layout.decimals);
  if (value === 0) return { kind: 'refused', reason: 'zero_value' };
  return {
    kind: 'label',
    label:
      layout.kind === 'price' ? { plu, kind: 'price', price: value } : { plu, kind: 'weight', weight: value },
  };
}

// GS1 General Specifications §7.9.3, weighting factors as tables of the product digit → result.
const TWO_MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
const THREE = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
const FIVE_PLUS = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
const FIVE_MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];

/**
 * The GS1 price/weight check digit of a 4- or 5-digit value field (GS1 General Specifications
 * §7.9.3): 4 digits weighted 2-, 2-, 3, 5-, the sum × 3, its units digit; 5 digits weighted 5+, 2-,
 * 5-, 5+, 2-, and the digit whose 5- weight is 10 minus the sum's units digit.
 */
export function priceCheckDigit(value: string): number {
  if (!/^\d{4,5}$/.test(value)) throw new RangeError('a price check digit needs 4 or 5 digits');
  const d = [...value].map(Number) as number[];
  const at = (table: number[], i: number) => table[d[i] ?? 0] ?? 0;
  if (d.length === 4) {
    const sum = at(TWO_MINUS, 0) + at(TWO_MINUS, 1) + at(THREE, 2) + at(FIVE_MINUS, 3);
    return (sum * 3) % 10;
  }
  const sum = at(FIVE_PLUS, 0) + at(TWO_MINUS, 1) + at(FIVE_MINUS, 2) + at(FIVE_PLUS, 3) + at(TWO_MINUS, 4);
  return FIVE_MINUS.indexOf((10 - (sum % 10)) % 10);
}
