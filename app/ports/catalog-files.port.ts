/**
 * Spreadsheets in and out of the catalog (.xlsx and .csv), read and written by well-kept libraries
 * in app/infra/catalog-files. The service sees rows of cells, never a file format.
 */
import type { ProductProblem } from '../domain/products/product-problems';
import type { CatalogFormat } from '../domain/products/products-admin';

/** A cell: text, a number as the spreadsheet holds it (a formula's cached result), or empty. */
export type SheetCell = string | number | null;

/** One row with its line as the spreadsheet shows it (the first row is line 1). */
export interface SheetRow {
  line: number;
  cells: SheetCell[];
}

/** The rows of the first sheet, or why the file cannot be read as a spreadsheet at all. */
export type SheetRead = { ok: true; rows: SheetRow[] } | { ok: false; problem: ProductProblem };

export interface CatalogFiles {
  /** The format picked by the file name's extension; null when it is neither .csv nor .xlsx. */
  formatOf(fileName: string): CatalogFormat | null;
  read(bytes: Uint8Array, format: CatalogFormat): Promise<SheetRead>;
  /** A header row then the data rows; CSV is UTF-8 with a BOM and CRLF, so Excel opens it right. */
  write(format: CatalogFormat, header: readonly string[], rows: readonly SheetCell[][]): Promise<Uint8Array>;
}
