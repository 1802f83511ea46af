import { isValidEan13, isValidEan8, isValidUpcA } from '../ean13';
import type { ProductProblem } from './product-problems';

/**
 * What a product may be found by at the scanner. [Note: barcode rule]
 * - EAN-13, EAN-8 and UPC-A: a code of exactly 13, 8 or 12 digits IS one of those (a scanner reads
 *   nothing else of that shape), so its check digit must be right — a typo in a spreadsheet is
 *   caught at import instead of at the counter, where the scan would silently find nothing.
 * - Internal codes (the store's own labels, a supplier's code): 1–32 characters of letters, digits,
 *   `-`, `_` and `.`; no spaces, so what a scanner types is exactly what is stored.
 */
export type BarcodeKind = 'ean13' | 'ean8' | 'upca' | 'internal';

/** A code accepted with its kind, or the problem with it (see [Note: product problems]). */
export type BarcodeCheck =
  { ok: true; code: string; kind: BarcodeKind } | { ok: false; problem: ProductProblem };

const INTERNAL_CODE = /^[A-Za-z0-9._-]{1,32}$/;

/** Checks one code (trimmed first) against [Note: barcode rule]. */
export function checkBarcode(raw: string): BarcodeCheck {
  const code = raw.trim();
  if (code === '') return { ok: false, problem: { code: 'barcode_empty' } };
  if (/^\d+$/.test(code)) {
    const gs1 = { 8: ['ean8', isValidEan8], 12: ['upca', isValidUpcA], 13: ['ean13', isValidEan13] } as const;
    const entry = gs1[code.length as 8 | 12 | 13] as (typeof gs1)[8 | 12 | 13] | undefined;
    if (entry) {
      const [kind, valid] = entry;
      const label = kind === 'ean13' ? 'EAN-13' : kind === 'ean8' ? 'EAN-8' : 'UPC-A';
      return valid(code)
        ? { ok: true, code, kind }
        : { ok: false, problem: { code: 'barcode_check_digit', params: { code, kind: label } } };
    }
  }
  if (!INTERNAL_CODE.test(code)) {
    return { ok: false, problem: { code: 'barcode_invalid', params: { code } } };
  }
  return { ok: true, code, kind: 'internal' };
}
