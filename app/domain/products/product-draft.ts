import { isCentavos, type Centavos } from '../money';
import type { FieldIssue } from '../result';
import { MAX_PRICE_CENTAVOS } from './amounts';
import { checkBarcode } from './barcode';
import { fieldIssue, type ProductProblem } from './product-problems';
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
const MAX_SKU_LENGTH = 32; // the pattern's 1 + 30 + 1
const CONTROL = /\p{Cc}/u;

/**
 * Validates a draft into ProductFields, or lists every field's problem (field names as in the draft,
 * `barcodes.1` for the second code). Uniqueness against other products is the repo's to check.
 */
export function validateProductDraft(
  draft: ProductDraft,
): { ok: true; value: ProductFields } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const issue = (path: string, problem: ProductProblem) => issues.push(fieldIssue(path, problem));
  const sku = draft.sku.trim();
  if (sku === '') issue('sku', { code: 'required' });
  else if (!SKU.test(sku)) issue('sku', { code: 'text_format', params: { max: MAX_SKU_LENGTH } });
  const name = draft.name.trim().replace(/\s+/g, ' ');
  if (name === '') issue('name', { code: 'required' });
  else if (name.length > MAX_NAME_LENGTH || CONTROL.test(name)) {
    issue('name', { code: 'text_format', params: { max: MAX_NAME_LENGTH } });
  }
  const barcodes: string[] = [];
  (draft.barcodes ?? []).forEach((raw, index) => {
    const check = checkBarcode(raw);
    if (!check.ok) issue(`barcodes.${index}`, check.problem);
    else if (barcodes.includes(check.code)) {
      issue(`barcodes.${index}`, { code: 'barcode_listed_twice', params: { code: check.code } });
    } else barcodes.push(check.code);
  });
  if (barcodes.length > MAX_BARCODES) {
    issue('barcodes', { code: 'too_many_barcodes', params: { max: MAX_BARCODES } });
  }
  if (!isCentavos(draft.price) || draft.price > MAX_PRICE_CENTAVOS) issue('price', { code: 'amount_range' });
  if (draft.cost != null && (!isCentavos(draft.cost) || draft.cost > MAX_PRICE_CENTAVOS)) {
    issue('cost', { code: 'amount_range' });
  }
  const department = (draft.department ?? '').trim().replace(/\s+/g, ' ') || DEFAULT_DEPARTMENT;
  if (department.length > MAX_DEPARTMENT_LENGTH || CONTROL.test(department)) {
    issue('department', { code: 'too_long', params: { max: MAX_DEPARTMENT_LENGTH } });
  }
  const unit = draft.unit ?? 'pieza';
  if (!PRODUCT_UNITS.includes(unit)) {
    issue('unit', { code: 'unit_choice', params: { units: PRODUCT_UNITS.join(', ') } });
  }
  const soldByWeight = draft.soldByWeight ?? false;
  if (soldByWeight && !WEIGHABLE_UNITS.includes(unit)) {
    issue('soldByWeight', { code: 'weight_unit_only', params: { units: WEIGHABLE_UNITS.join(', ') } });
  }
  const minStock = draft.minStock ?? null;
  if (minStock !== null && (!Number.isSafeInteger(minStock) || minStock < 0)) {
    issue('minStock', { code: 'quantity_non_negative' });
  }
  if (draft.iva.kind === 'rate' && ![0, 800, 1600].includes(draft.iva.rateBp)) {
    issue('iva', { code: 'iva_rate_choice' });
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
