/**
 * The manager's office, products (issue 13, items 2 and 3): the catalog's list, add/edit,
 * deactivate, and the spreadsheet import (preview, then commit), export and template. Every
 * `office.*` channel is `manager` (see [Note: the office needs a manager]). Files cross as base64
 * with their name, like the Z report's PDF (ExportedBinary); an import's file is at most
 * CATALOG_FILE_MAX_BYTES. There is no delete: a product that was sold stays (deactivate instead).
 */
import type { ExportedBinary } from '../../domain/office/reports';
import type { Category } from '../../domain/catalog';
import type { ProductDraft } from '../../domain/products/product-draft';
import type { ProductRecord } from '../../domain/products/product-record';
import type {
  CatalogFile,
  CatalogFormat,
  ImportSummary,
  ProductListQuery,
  ProductPage,
} from '../../domain/products/products-admin';

/** The largest spreadsheet an import takes through the contract (50 000 products fit in ~4 MB). */
export const CATALOG_FILE_MAX_BYTES = 8 * 1024 * 1024;

export interface ProductsContract {
  /** One page of products matching the search and filters, ordered by name. */
  'office.products.list': { policy: 'manager'; args: ProductListQuery; result: ProductPage };
  'office.products.get': { policy: 'manager'; args: { id: number }; result: ProductRecord };
  /** Creates (no id) or updates a product; `validation_failed`/`conflict` carry field issues. */
  'office.products.save': {
    policy: 'manager';
    args: ProductDraft & { id?: number | undefined };
    result: ProductRecord;
  };
  /** Deactivates (off the counter, kept in history) or reactivates a product. */
  'office.products.setActive': {
    policy: 'manager';
    args: { id: number; active: boolean };
    result: ProductRecord;
  };
  /** Every department with its product count (inactive products included). */
  'office.products.departments': { policy: 'manager'; args: Record<string, never>; result: Category[] };
  /** Reads and checks a file; writes nothing. `validation_failed` when the file is not usable at all. */
  'office.products.importPreview': { policy: 'manager'; args: CatalogFile; result: ImportSummary };
  /** Writes every valid row of the file in one transaction; refused rows are reported. */
  'office.products.importCommit': { policy: 'manager'; args: CatalogFile; result: ImportSummary };
  /** Every product as .csv or .xlsx, base64. */
  'office.products.export': { policy: 'manager'; args: { format: CatalogFormat }; result: ExportedBinary };
  /** The import template: the headers and one example row. */
  'office.products.template': { policy: 'manager'; args: { format: CatalogFormat }; result: ExportedBinary };
}

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const PRODUCTS_CHANNELS = [
  'office.products.list',
  'office.products.get',
  'office.products.save',
  'office.products.setActive',
  'office.products.departments',
  'office.products.importPreview',
  'office.products.importCommit',
  'office.products.export',
  'office.products.template',
] as const satisfies readonly (keyof ProductsContract)[];
