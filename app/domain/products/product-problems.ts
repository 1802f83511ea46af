/**
 * Every problem the products area can report about a field, an import row or an import file, each
 * with a stable machine code, its params and its English words. [Note: product problems]
 * - The trusted side sends `code` + `params` next to an English `message`/`reason` built here by
 *   {@link describeProblem}, so the code and the words cannot drift: the CLI and the logs print the
 *   English, the office translates the code (renderer/src/i18n/office/product-problems.ts, keyed by
 *   {@link PRODUCT_PROBLEM_CODES}; a unit test proves every code has both languages).
 * - A code's params are named here once; the translations may use only those names.
 * - Renaming a code breaks the office's translation of it: add a new one instead.
 */
import type { FieldIssue } from '../result';
import type { ImportIssue } from './products-admin';

/** A param's value as it crosses the boundary (and i18next interpolates it). */
type ParamValue = string | number;

interface ProblemSpec<K extends string> {
  params: readonly K[];
  english: (params: Record<K, ParamValue>) => string;
}

function spec<K extends string = never>(
  params: readonly K[],
  english: (params: Record<K, ParamValue>) => string,
): ProblemSpec<K> {
  return { params, english };
}

const MAX_AMOUNT_TEXT = '$10,000,000.00';

const SPECS = {
  // A product's fields (validateProductDraft, and the office's save conflicts).
  required: spec([], () => 'required'),
  text_format: spec(['max'], (p) => `at most ${p.max} characters, no control characters`),
  too_long: spec(['max'], (p) => `at most ${p.max} characters`),
  too_many_barcodes: spec(['max'], (p) => `at most ${p.max}`),
  barcode_listed_twice: spec(['code'], (p) => `${p.code} is listed twice`),
  amount_range: spec([], () => `a non-negative amount in centavos up to ${MAX_AMOUNT_TEXT}`),
  unit_choice: spec(['units'], (p) => `one of ${p.units}`),
  weight_unit_only: spec(['units'], (p) => `only for ${p.units}`),
  quantity_non_negative: spec([], () => 'a non-negative quantity'),
  iva_rate_choice: spec([], () => '16 %, 8 %, 0 % or exento'),
  sku_taken: spec(['name'], (p) => `already belongs to «${p.name}»`),
  barcode_taken_by: spec(['name', 'sku'], (p) => `already belongs to «${p.name}» (${p.sku})`),
  // One barcode (checkBarcode). `kind` is the symbology's label: EAN-13, EAN-8 or UPC-A.
  barcode_empty: spec([], () => 'empty barcode'),
  barcode_check_digit: spec(['code', 'kind'], (p) => `${p.code} has a wrong ${p.kind} check digit`),
  barcode_invalid: spec(
    ['code'],
    (p) => `${p.code} is not a valid code (1–32 letters, digits, '-', '_' or '.')`,
  ),
  // A price or a quantity read from a cell (parsePrice, parseQuantity).
  price_not_a_number: spec([], () => 'price not a number'),
  price_negative: spec([], () => 'price negative'),
  price_too_many_decimals: spec([], () => 'price more than two decimals'),
  price_not_an_amount: spec(['value'], (p) => `price not an amount: "${p.value}"`),
  price_too_large: spec([], () => `price above ${MAX_AMOUNT_TEXT}`),
  quantity_invalid: spec(['value'], (p) => `quantity not a quantity: "${p.value}"`),
  quantity_too_large: spec([], () => 'quantity too large'),
  quantity_negative: spec([], () => 'quantity negative'),
  // An import row's other cells and its place in the file.
  iva_unknown: spec(['value'], (p) => `unknown IVA "${p.value}" (use 16%, 8%, 0% or exento)`),
  unit_unknown: spec(['value'], (p) => `unknown unit "${p.value}" (use pieza, kg, g, l or m)`),
  yes_no_unknown: spec(['value'], (p) => `"${p.value}" is not sí or no`),
  sku_repeated: spec(['code', 'line'], (p) => `código ${p.code} repeated: already on line ${p.line}`),
  barcode_repeated: spec(['code', 'line'], (p) => `barcode ${p.code} repeated: already on line ${p.line}`),
  same_product: spec(['line', 'sku'], (p) => `same product as line ${p.line} (${p.sku})`),
  required_for_new: spec([], () => 'required for a new product'),
  barcode_taken: spec(
    ['code', 'name', 'sku'],
    (p) => `barcode ${p.code} already belongs to «${p.name}» (${p.sku})`,
  ),
  // A file that cannot be read as a catalog at all (the CLI's exit 2).
  file_format: spec([], () => 'use an .xlsx or .csv file'),
  file_empty: spec([], () => 'the file is empty (0 bytes)'),
  file_pdf: spec([], () => 'the file is a PDF, not a spreadsheet'),
  file_old_excel: spec([], () => 'the file is an old Excel (.xls) file: save it as .xlsx or .csv'),
  file_not_xlsx: spec([], () => 'the file is not an .xlsx spreadsheet'),
  file_xlsx_unreadable: spec([], () => 'the file is not an .xlsx spreadsheet (it could not be opened)'),
  file_no_sheet: spec([], () => 'the workbook has no sheet'),
  file_not_csv: spec([], () => 'the file is binary, not a CSV'),
  header_missing: spec(
    [],
    () =>
      'no recognisable header: the first row should name the columns (Código, Código de barras, Descripción, Precio venta, …)',
  ),
  header_no_match_column: spec(
    ['line'],
    (p) => `line ${p.line} has no Código (SKU) or Código de barras column, so no row can be matched`,
  ),
};

/** One of {@link PRODUCT_PROBLEM_CODES}. */
export type ProductProblemCode = keyof typeof SPECS;

type ParamNameOf<C extends ProductProblemCode> = (typeof SPECS)[C] extends ProblemSpec<infer K> ? K : never;

/** A problem as the domain emits it: its code, and its params when the code has any. */
export type ProductProblem = {
  [C in ProductProblemCode]: [ParamNameOf<C>] extends [never]
    ? { code: C; params?: undefined }
    : { code: C; params: Record<ParamNameOf<C>, ParamValue> };
}[ProductProblemCode];

/** Every code the products area can emit: the list the office's translations are checked against. */
export const PRODUCT_PROBLEM_CODES = Object.keys(SPECS) as ProductProblemCode[];

/** The names of a code's params (what its translations may interpolate). */
export function problemParamNames(code: ProductProblemCode): readonly string[] {
  return SPECS[code].params;
}

/** The problem in English, for the CLI, the logs and the `message`/`reason` next to its code. */
export function describeProblem(problem: ProductProblem): string {
  const { english } = SPECS[problem.code] as ProblemSpec<string>;
  return english(problem.params ?? {});
}

/** The code and params a problem travels with (params left out when the code has none). */
function codeAndParams(problem: ProductProblem): { code: string; params?: Record<string, ParamValue> } {
  return problem.params ? { code: problem.code, params: { ...problem.params } } : { code: problem.code };
}

/** A field's problem as validation reports it: its English message plus its code and params. */
export function fieldIssue(path: string, problem: ProductProblem): FieldIssue {
  return { path, message: describeProblem(problem), ...codeAndParams(problem) };
}

/** An import row's problem: the line and column, its English reason plus its code and params. */
export function importIssue(line: number, column: string | null, problem: ProductProblem): ImportIssue {
  return { line, column, reason: describeProblem(problem), ...codeAndParams(problem) };
}
