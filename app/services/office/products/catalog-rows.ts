/**
 * From a sheet's rows to the catalog's rows: finds the header, maps its columns to fields, and parses
 * every cell of every data row into a partial product with its row-level issues. No database here:
 * matching against the store's products is catalog-import.service's.
 */
import { parsePrice, parseQuantity } from '../../../domain/products/amounts';
import { CAJA_HEADERS, fieldOfHeader, parseUnit, parseYesNo } from '../../../domain/products/catalog-columns';
import { parseIva } from '../../../domain/products/iva';
import { importIssue, type ProductProblem } from '../../../domain/products/product-problems';
import type { IvaTreatment, Milli, ProductUnit } from '../../../domain/products/product-record';
import type { ImportField, ImportIssue } from '../../../domain/products/products-admin';
import type { Centavos } from '../../../domain/money';
import type { SheetCell, SheetRow } from '../../../ports/catalog-files.port';

/** The header looked for within the first rows (a title line above it is common in hand-made sheets). */
const HEADER_SEARCH_ROWS = 10;

/** A recognised header: its column index and the text as written. */
export interface MappedColumn {
  index: number;
  header: string;
  field: ImportField;
}

export interface SheetLayout {
  headerLine: number;
  columns: MappedColumn[];
  ignored: string[];
  /** The header text a field's issues name: the file's own, or Caja's when the column is absent. */
  headerOf(field: ImportField): string;
  has(field: ImportField): boolean;
}

/** A data row's cells parsed; a field is absent when its column is absent or its cell empty. */
export interface ParsedRow {
  line: number;
  sku?: string;
  barcodes?: string[];
  name?: string;
  price?: Centavos;
  cost?: Centavos;
  iva?: IvaTreatment;
  department?: string;
  unit?: ProductUnit;
  soldByWeight?: boolean;
  stock?: Milli;
  minStock?: Milli;
  issues: ImportIssue[];
}

function text(cell: SheetCell): string {
  if (cell === null) return '';
  // A code typed into Excel becomes a number: 7501055300075 reads back as its digits.
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return cell.trim();
}

/** The header row and its mapping, or why no header was found. */
export function findLayout(
  rows: readonly SheetRow[],
): { ok: true; layout: SheetLayout } | { ok: false; problem: ProductProblem } {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns: MappedColumn[] = [];
    const ignored: string[] = [];
    row.cells.forEach((cell, index) => {
      const header = text(cell);
      if (header === '') return;
      const field = fieldOfHeader(header);
      // A field headed twice keeps its first column; the second is reported as ignored.
      if (field && !columns.some((c) => c.field === field)) columns.push({ index, header, field });
      else ignored.push(header);
    });
    if (columns.length < 2) continue;
    if (!columns.some((c) => c.field === 'sku' || c.field === 'barcode')) {
      return { ok: false, problem: { code: 'header_no_match_column', params: { line: row.line } } };
    }
    const byField = new Map(columns.map((c) => [c.field, c]));
    return {
      ok: true,
      layout: {
        headerLine: row.line,
        columns,
        ignored,
        headerOf: (field) =>
          byField.get(field)?.header ?? CAJA_HEADERS.find((h) => h.field === field)?.header ?? field,
        has: (field) => byField.has(field),
      },
    };
  }
  return { ok: false, problem: { code: 'header_missing' } };
}

/** Parses one data row; null for a blank row. */
export function parseRow(layout: SheetLayout, row: SheetRow): ParsedRow | null {
  const cells = new Map(layout.columns.map((c) => [c.field, row.cells[c.index] ?? null]));
  if (layout.columns.every((c) => text(cells.get(c.field) ?? null) === '')) return null;
  const parsed: ParsedRow = { line: row.line, issues: [] };
  const issue = (field: ImportField, problem: ProductProblem) =>
    parsed.issues.push(importIssue(row.line, layout.headerOf(field), problem));
  for (const { field } of layout.columns) {
    const cell = cells.get(field) ?? null;
    const raw = text(cell);
    if (raw === '') continue;
    const numeric = typeof cell === 'number' ? cell : raw;
    switch (field) {
      case 'sku':
        parsed.sku = raw;
        break;
      case 'name':
        parsed.name = raw;
        break;
      case 'department':
        parsed.department = raw;
        break;
      case 'barcode':
        // Several codes in one cell, as Caja's export writes them: "7501055300075, 0123".
        parsed.barcodes = raw.split(/[\s,;|]+/).filter((code) => code !== '');
        break;
      case 'price':
      case 'cost': {
        const price = parsePrice(numeric);
        if (price.ok) parsed[field] = price.value;
        else issue(field, price.problem);
        break;
      }
      case 'stock':
      case 'minStock': {
        const quantity = parseQuantity(numeric, { allowNegative: field === 'stock' });
        if (quantity.ok) parsed[field] = quantity.value;
        else issue(field, quantity.problem);
        break;
      }
      case 'iva': {
        const iva = parseIva(numeric);
        if (iva) parsed.iva = iva;
        else issue(field, { code: 'iva_unknown', params: { value: raw } });
        break;
      }
      case 'unit': {
        const unit = parseUnit(raw);
        if (unit) parsed.unit = unit;
        else issue(field, { code: 'unit_unknown', params: { value: raw } });
        break;
      }
      case 'soldByWeight': {
        const yes = parseYesNo(raw);
        if (yes !== null) parsed.soldByWeight = yes;
        else issue(field, { code: 'yes_no_unknown', params: { value: raw } });
        break;
      }
    }
  }
  return parsed;
}
