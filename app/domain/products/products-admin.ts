/**
 * What the office's Productos area sends and receives (issue 13, items 2 and 3). Types only, so the
 * renderer can import them too.
 */
import type { ProductRecord } from './product-record';

/** The list's filters. `active` defaults to the active products; `lowStock` means tracked and under its minimum. */
export interface ProductListQuery {
  text?: string | undefined;
  department?: string | undefined;
  active?: 'active' | 'inactive' | 'all' | undefined;
  lowStock?: boolean | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** One page of the list, with how many products match in all. */
export interface ProductPage {
  items: ProductRecord[];
  total: number;
  offset: number;
  limit: number;
}

/** A department with how many products (active or not) it holds. */
export interface DepartmentCount {
  name: string;
  productCount: number;
}

/** The file formats the catalog imports and exports. */
export type CatalogFormat = 'csv' | 'xlsx';

/** A row-level import problem: the line as the spreadsheet shows it (header = 1), the column as headed. */
export interface ImportIssue {
  line: number;
  column: string | null;
  /** In English (the CLI prints it); the office words the problem from `code`. */
  reason: string;
  /** A stable machine code for the problem (see [Note: product problems]), with its params. */
  code?: string;
  params?: Record<string, string | number>;
}

/** What an import would do (preview) or did (commit). Nothing is written by a preview. */
export interface ImportSummary {
  /** Data rows read (blank rows skipped). */
  rows: number;
  /** New products. */
  imported: number;
  /** Existing products (found by SKU or barcode) that changed. */
  updated: number;
  /** Existing products the row matched exactly: a re-import of the same file lands here. */
  unchanged: number;
  /** Rows refused, each with at least one issue. */
  rejected: number;
  issues: ImportIssue[];
  /** True when `issues` was cut to its first entries (a file of thousands of bad rows). */
  issuesTruncated: boolean;
  /** The headers recognised and the field each maps to, in file order. */
  columns: { header: string; field: ImportField }[];
  /** Headers not recognised, left alone. */
  ignoredColumns: string[];
}

/** The product fields a column can map to. */
export const IMPORT_FIELDS = [
  'sku',
  'barcode',
  'name',
  'price',
  'cost',
  'department',
  'stock',
  'minStock',
  'iva',
  'unit',
  'soldByWeight',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A file as it crosses the boundary: name (its extension picks the format) and base64 bytes. */
export interface CatalogFile {
  fileName: string;
  base64: string;
}

export type { ProductRecord };
