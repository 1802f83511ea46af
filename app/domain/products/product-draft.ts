import { isCentavos, type Centavos } from '../money';
import type { FieldIssue } from '../result';
import { MAX_PRICE_CENTAVOS } from './amounts';
import { checkBarcode } from './barcode';
import { PRODUCT_UNITS, type IvaTreatment, type Milli, type ProductUnit } from './product-record';

/** What a manager (or an import row) gives to create or update a product; defaults fill the rest. */
export interface ProductDraft {
  sku: string;
  name: string;
  barcodes?: readonly string[] | undefined;
  price: Centavos;
  iva: IvaTreatment;
  department?: string | undefined;
  unit?: ProductUnit | undefined;
  soldByWeight?: boolean | undefined;
  cost?: Centavos | null | undefined;
  trackStock?: boolean | undefined;
  minStock?: Milli | null | undefined;
}

/** A draft after validation: trimmed, defaults applied, every field present. */
export interface ProductFields {
  sku: string;
  name: string;
  barcodes: string[];
  price: Centavos;
  iva: IvaTreatment;
  department: string;
  unit: ProductUnit;
  soldByWeight: boolean;
  cost: Centavos | null;
  trackStock: boolean;
  minStock: Milli | null;
}

/** Where a product lands when nobody named its department. */
export const DEFAULT_DEPARTMENT = 'General';
/** Units a product may be sold by weight (or length, or volume) in. */
export const WEIGHABLE_UNITS: readonly ProductUnit[] = ['kg', 'g', 'l', 'm'];
export const MAX_NAME_LENGTH = 120;
export const MAX_DEPARTMENT_LENGTH = 60;
export const MAX_BARCODES = 10;

// A SKU is what a cashier may type: printable, no spaces at the ends, no control characters.
const SKU = /^[^\s\p{Cc}](?:[^\p{Cc}]{0,30}[^\s\p{Cc}])?$/u;
const CONTROL = /\p{Cc}/u;

/**
 * Validates a draft into ProductFields, or lists every field's problem (field names as in the draft,
 * `barcodes.1` for the second code). Uniqueness against other products is the repo's to check.
 */
export function validateProductDraft(
  draft: ProductDraft,
): { ok: true; value: ProductFields } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const sku = draft.sku.trim();
  if (sku === '') issues.push({ path: 'sku', message: 'required' });
  else if (!SKU.test(sku))
    issues.push({ path: 'sku', message: 'at most 32 characters, no control characters' });
  const name = draft.name.trim().replace(/\s+/g, ' ');
  if (name === '') issues.push({ path: 'name', message: 'required' });
  else if (name.length > MAX_NAME_LENGTH || CONTROL.test(name)) {
    issues.push({ path: 'name', message: `at most ${MAX_NAME_LENGTH} characters, no control characters` });
  }
  const barcodes: string[] = [];
  (draft.barcodes ?? []).forEach((raw, index) => {
    const check = checkBarcode(raw);
    if (!check.ok) issues.push({ path: `barcodes.${index}`, message: check.message });
    else if (barcodes.includes(check.code)) {
      issues.push({ path: `barcodes.${index}`, message: `${check.code} is listed twice` });
    } else barcodes.push(check.code);
  });
  if (barcodes.length > MAX_BARCODES) issues.push({ path: 'barcodes', message: `at most ${MAX_BARCODES}` });
  if (!isCentavos(draft.price) || draft.price > MAX_PRICE_CENTAVOS) {
    issues.push({ path: 'price', message: 'a non-negative amount in centavos up to $10,000,000.00' });
  }
  if (draft.cost != null && (!isCentavos(draft.cost) || draft.cost > MAX_PRICE_CENTAVOS)) {
    issues.push({ path: 'cost', message: 'a non-negative amount in centavos up to $10,000,000.00' });
  }
  const department = (draft.department ?? '').trim().replace(/\s+/g, ' ') || DEFAULT_DEPARTMENT;
  if (department.length > MAX_DEPARTMENT_LENGTH || CONTROL.test(department)) {
    issues.push({ path: 'department', message: `at most ${MAX_DEPARTMENT_LENGTH} characters` });
  }
  const unit = draft.unit ?? 'pieza';
  if (!PRODUCT_UNITS.includes(unit))
    issues.push({ path: 'unit', message: `one of ${PRODUCT_UNITS.join(', ')}` });
  const soldByWeight = draft.soldByWeight ?? false;
  if (soldByWeight && !WEIGHABLE_UNITS.includes(unit)) {
    issues.push({ path: 'soldByWeight', message: `only for ${WEIGHABLE_UNITS.join(', ')}` });
  }
  const minStock = draft.minStock ?? null;
  if (minStock !== null && (!Number.isSafeInteger(minStock) || minStock < 0)) {
    issues.push({ path: 'minStock', message: 'a non-negative quantity' });
  }
  if (draft.iva.kind === 'rate' && ![0, 800, 1600].includes(draft.iva.rateBp)) {
    issues.push({ path: 'iva', message: '16 %, 8 %, 0 % or exento' });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      sku,
      name,
      barcodes,
      price: draft.price,
      iva: draft.iva.kind === 'exempt' ? { kind: 'exempt' } : { kind: 'rate', rateBp: draft.iva.rateBp },
      department,
      unit,
      soldByWeight,
      cost: draft.cost ?? null,
      trackStock: draft.trackStock ?? false,
      minStock,
    },
  };
}
