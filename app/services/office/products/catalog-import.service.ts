/**
 * Imports a catalog spreadsheet (issue 13, item 3): preview (parse, validate, match; nothing written)
 * and commit (the same, writing every valid row in ONE transaction). Upsert by SKU or barcode, never a
 * delete. [Note: import merge rules]
 * - A row matches the product with its Código (SKU), else the one holding any of its barcodes (a
 *   Código that is itself a valid EAN/UPC is tried as a barcode too: eleventa exports the barcode as
 *   the Código). A matched product keeps its SKU.
 * - Only non-empty cells change a matched product: a file of Código + Precio venta reprices and
 *   touches nothing else. Barcodes are added, never removed. A new product needs Descripción and
 *   Precio venta; its SKU defaults to its first barcode.
 * - Inventario, when given, makes the product track stock and writes an `import` movement of the
 *   difference, so the ledger still sums to the stock.
 * - A row that matches its product exactly counts as unchanged: re-importing a file changes nothing.
 * - Code, barcode or product repeated inside the file: the first row wins, the later ones are refused.
 */
import type { Centavos } from '../../../domain/money';
import { checkBarcode } from '../../../domain/products/barcode';
import {
  validateProductDraft,
  type ProductDraft,
  type ProductFields,
} from '../../../domain/products/product-draft';
import { describeProblem, importIssue, type ProductProblem } from '../../../domain/products/product-problems';
import type { ProductRecord } from '../../../domain/products/product-record';
import type { ImportField, ImportIssue, ImportSummary } from '../../../domain/products/products-admin';
import type { AuditLog } from '../../../ports/audit.port';
import type { CatalogFiles } from '../../../ports/catalog-files.port';
import type { Clock } from '../../../ports/clock.port';
import type { ProductsAdminRepo } from '../../../ports/products-admin.port';
import { findLayout, parseRow, type ParsedRow, type SheetLayout } from './catalog-rows';

export interface CatalogImportDeps {
  repo: ProductsAdminRepo;
  files: CatalogFiles;
  audit: AuditLog;
  clock: Clock;
  /** Who imports: the signed-in manager, or null for the command line. */
  actor: () => number | null;
}

/** A file to import: its name (the extension picks the format) and its bytes. */
export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Called every few hundred rows and at the end, with rows done and rows in all. */
  onProgress?: (done: number, total: number) => void;
  /** How many issues the summary keeps (the office shows the first ones; the CLI prints them all). */
  maxIssues?: number;
}

/** The import's outcome, or why the file cannot be read as a catalog at all (`unusable` in English). */
export type ImportRun =
  { ok: true; summary: ImportSummary } | { ok: false; unusable: string; problem: ProductProblem };

/** A file refused as a whole: the CLI prints `unusable`, the office words `problem`. */
function unusable(fileName: string, problem: ProductProblem): ImportRun {
  return { ok: false, unusable: `${fileName}: ${describeProblem(problem)}`, problem };
}

const DEFAULT_MAX_ISSUES = 1000;
const PROGRESS_EVERY = 500;

/** Maps a validation path (barcodes.2) to the field whose column it names. */
function fieldOfPath(path: string): ImportField {
  const head = path.split('.')[0];
  if (head === 'barcodes') return 'barcode';
  return (head ?? 'sku') as ImportField;
}

function sameFields(record: ProductRecord, fields: ProductFields): boolean {
  return (
    record.sku === fields.sku &&
    record.name === fields.name &&
    record.barcodes.length === fields.barcodes.length &&
    record.barcodes.every((code, i) => code === fields.barcodes[i]) &&
    record.price === fields.price &&
    JSON.stringify(record.iva) === JSON.stringify(fields.iva) &&
    record.department === fields.department &&
    record.unit === fields.unit &&
    record.soldByWeight === fields.soldByWeight &&
    record.cost === fields.cost &&
    record.trackStock === fields.trackStock &&
    record.minStock === fields.minStock
  );
}

type Planned =
  | { kind: 'rejected' }
  | { kind: 'unchanged' }
  | { kind: 'create'; fields: ProductFields; stock: number | undefined }
  | { kind: 'update'; before: ProductRecord; fields: ProductFields; stockDelta: number };

/** Import use cases. */
export class CatalogImportService {
  constructor(private readonly deps: CatalogImportDeps) {}

  /** Parses, validates and matches; writes nothing. */
  preview(input: ImportInput, options: ImportOptions = {}): Promise<ImportRun> {
    return this.run(input, options, false);
  }

  /** Writes every valid row in one transaction; refused rows are reported and left out. */
  commit(input: ImportInput, options: ImportOptions = {}): Promise<ImportRun> {
    return this.run(input, options, true);
  }

  private async run(input: ImportInput, options: ImportOptions, write: boolean): Promise<ImportRun> {
    const { files, repo } = this.deps;
    const format = files.formatOf(input.fileName);
    if (!format) return unusable(input.fileName, { code: 'file_format' });
    const sheet = await files.read(input.bytes, format);
    if (!sheet.ok) return unusable(input.fileName, sheet.problem);
    const found = findLayout(sheet.rows);
    if (!found.ok) return unusable(input.fileName, found.problem);
    const { layout } = found;
    const dataRows = sheet.rows.filter((row) => row.line > layout.headerLine);
    const now = this.deps.clock.now();
    const actor = this.deps.actor();
    const maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
    const summary: ImportSummary = {
      rows: 0,
      imported: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      issues: [],
      issuesTruncated: false,
      columns: layout.columns.map(({ header, field }) => ({ header, field })),
      ignoredColumns: layout.ignored,
    };
    const report = (issues: readonly ImportIssue[]) => {
      for (const issue of issues) {
        if (summary.issues.length < maxIssues) summary.issues.push(issue);
        else summary.issuesTruncated = true;
      }
    };
    const seen = new InFileSeen();
    repo.transaction(() => {
      dataRows.forEach((row, index) => {
        const parsed = parseRow(layout, row);
        if (parsed) {
          summary.rows += 1;
          const planned = this.plan(layout, parsed, seen);
          if (planned.kind === 'rejected') {
            summary.rejected += 1;
            report(parsed.issues);
          } else if (planned.kind === 'unchanged') summary.unchanged += 1;
          else if (planned.kind === 'create') {
            summary.imported += 1;
            if (write) this.create(planned.fields, planned.stock, actor, now);
          } else {
            summary.updated += 1;
            if (write) this.update(planned.before, planned.fields, planned.stockDelta, actor, now);
          }
        }
        if ((index + 1) % PROGRESS_EVERY === 0) options.onProgress?.(index + 1, dataRows.length);
      });
      if (write) {
        this.deps.audit.append(
          {
            action: 'catalog.imported',
            actorUserId: actor,
            subject: `file:${input.fileName}`,
            details: {
              rows: summary.rows,
              imported: summary.imported,
              updated: summary.updated,
              unchanged: summary.unchanged,
              rejected: summary.rejected,
            },
          },
          now,
        );
      }
    });
    options.onProgress?.(dataRows.length, dataRows.length);
    return { ok: true, summary };
  }

  /** What one row would do, given the store's products and the rows before it. Fills row.issues. */
  private plan(layout: SheetLayout, row: ParsedRow, seen: InFileSeen): Planned {
    const { repo } = this.deps;
    const issue = (field: ImportField, problem: ProductProblem) =>
      row.issues.push(importIssue(row.line, layout.headerOf(field), problem));
    // Repeats inside the file first: the first row with a code keeps it.
    if (row.sku !== undefined) {
      const earlier = seen.sku(row.sku, row.line);
      if (earlier !== null) issue('sku', { code: 'sku_repeated', params: { code: row.sku, line: earlier } });
    }
    for (const code of row.barcodes ?? []) {
      const earlier = seen.barcode(code, row.line);
      if (earlier !== null) issue('barcode', { code: 'barcode_repeated', params: { code, line: earlier } });
    }
    if (row.issues.length > 0) return { kind: 'rejected' };

    // Match by SKU, else by any barcode (the Código too when it is a valid EAN/UPC).
    let existing = row.sku !== undefined ? repo.findBySku(row.sku) : undefined;
    if (!existing) {
      const codes = [...(row.barcodes ?? [])];
      if (row.sku !== undefined && checkBarcode(row.sku).ok && /^\d+$/.test(row.sku)) codes.push(row.sku);
      for (const code of codes) {
        const holder = repo.barcodeHolder(code);
        if (holder) {
          existing = repo.get(holder.productId);
          break;
        }
      }
    }
    if (existing) {
      const earlier = seen.product(existing.id, row.line);
      if (earlier !== null) {
        issue(row.sku !== undefined ? 'sku' : 'barcode', {
          code: 'same_product',
          params: { line: earlier, sku: existing.sku },
        });
        return { kind: 'rejected' };
      }
    } else {
      if (row.name === undefined) issue('name', { code: 'required_for_new' });
      if (row.price === undefined) issue('price', { code: 'required_for_new' });
      if (row.sku === undefined && (row.barcodes ?? []).length === 0) issue('sku', { code: 'required' });
    }
    if (row.issues.length > 0) return { kind: 'rejected' };

    const barcodes = [...(existing?.barcodes ?? [])];
    for (const code of row.barcodes ?? []) if (!barcodes.includes(code)) barcodes.push(code);
    const draft: ProductDraft = {
      sku: existing?.sku ?? row.sku ?? barcodes[0] ?? '',
      name: row.name ?? existing?.name ?? '',
      barcodes,
      price: row.price ?? existing?.price ?? 0,
      iva: row.iva ?? existing?.iva ?? { kind: 'rate', rateBp: 1600 },
      department: row.department ?? existing?.department,
      unit: row.unit ?? existing?.unit,
      soldByWeight: row.soldByWeight ?? existing?.soldByWeight,
      cost: row.cost ?? existing?.cost ?? null,
      trackStock: row.stock !== undefined ? true : (existing?.trackStock ?? false),
      minStock: row.minStock ?? existing?.minStock ?? null,
    };
    const checked = validateProductDraft(draft);
    if (!checked.ok) {
      // Same code and words as the office's product form (See [Note: product problems]).
      for (const { path, message: reason, ...coded } of checked.issues) {
        row.issues.push({ line: row.line, column: layout.headerOf(fieldOfPath(path)), reason, ...coded });
      }
      return { kind: 'rejected' };
    }
    const fields = checked.value;
    for (const code of fields.barcodes) {
      const holder = repo.barcodeHolder(code);
      if (holder && holder.productId !== existing?.id) {
        issue('barcode', {
          code: 'barcode_taken',
          params: { code, name: holder.name, sku: holder.sku },
        });
      }
    }
    if (row.issues.length > 0) return { kind: 'rejected' };
    if (!existing) return { kind: 'create', fields, stock: row.stock };
    const stockDelta = row.stock !== undefined ? row.stock - existing.stock : 0;
    if (stockDelta === 0 && sameFields(existing, fields)) return { kind: 'unchanged' };
    return { kind: 'update', before: existing, fields, stockDelta };
  }

  private create(fields: ProductFields, stock: number | undefined, actor: number | null, now: number): void {
    const { repo } = this.deps;
    const id = repo.insert(fields, true, now);
    if (stock !== undefined && stock !== 0) {
      repo.addStockMovement({ productId: id, kind: 'import', quantity: stock, userId: actor, at: now });
    }
  }

  private update(
    before: ProductRecord,
    fields: ProductFields,
    stockDelta: number,
    actor: number | null,
    now: number,
  ): void {
    const { repo, audit } = this.deps;
    repo.update(before.id, fields, now);
    if (stockDelta !== 0) {
      repo.addStockMovement({
        productId: before.id,
        kind: 'import',
        quantity: stockDelta,
        userId: actor,
        at: now,
      });
    }
    if (before.price !== fields.price) auditPriceChange(audit, before, fields.price, actor, now, 'import');
  }
}

/** The audit entry of a price change, before and after, from a save or an import. */
export function auditPriceChange(
  audit: AuditLog,
  before: ProductRecord,
  price: Centavos,
  actor: number | null,
  now: number,
  via: 'office' | 'import',
): void {
  audit.append(
    {
      action: 'product.price_changed',
      actorUserId: actor,
      subject: `product:${before.id}`,
      details: { sku: before.sku, before: { price: before.price }, after: { price }, via },
    },
    now,
  );
}

/** Codes, barcodes and products already used by an earlier row of the file, with that row's line. */
class InFileSeen {
  private readonly skus = new Map<string, number>();
  private readonly barcodes = new Map<string, number>();
  private readonly products = new Map<number, number>();

  /** The line that used this SKU before (SKUs compare case-insensitively, like the column), else null. */
  sku(sku: string, line: number): number | null {
    return this.first(this.skus, sku.toLowerCase(), line);
  }

  barcode(code: string, line: number): number | null {
    return this.first(this.barcodes, code, line);
  }

  product(id: number, line: number): number | null {
    return this.first(this.products, id, line);
  }

  private first<K>(map: Map<K, number>, key: K, line: number): number | null {
    const earlier = map.get(key);
    if (earlier !== undefined) return earlier;
    map.set(key, line);
    return null;
  }
}
