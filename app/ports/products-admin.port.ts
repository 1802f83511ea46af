/**
 * The back office's products (issue 13): the whole record, its barcodes, and the stock movement an
 * import writes. The counter reads through CatalogRepo; this is the writing side.
 */
import type { Category } from '../domain/catalog';
import type { Milli, ProductRecord } from '../domain/products/product-record';
import type { ProductFields } from '../domain/products/product-draft';

/** The list's filters after defaults. */
export interface ProductListFilter {
  text: string;
  department: string | null;
  active: 'active' | 'inactive' | 'all';
  lowStock: boolean;
  offset: number;
  limit: number;
}

/** Who holds a barcode, to name them in a conflict. */
export interface BarcodeHolder {
  productId: number;
  sku: string;
  name: string;
}

export interface ProductsAdminRepo {
  /** Runs `work` in one IMMEDIATE transaction: reads and writes of an import or a save see one state. */
  transaction<T>(work: () => T): T;
  list(filter: ProductListFilter): { items: ProductRecord[]; total: number };
  get(id: number): ProductRecord | undefined;
  /** Case-insensitive, like the column's collation. Active or not. */
  findBySku(sku: string): ProductRecord | undefined;
  barcodeHolder(code: string): BarcodeHolder | undefined;
  /** Inserts a product with no stock; returns its id. */
  insert(fields: ProductFields, active: boolean, now: number): number;
  /** Inserts products with no stock in one statement (a bulk import's batch); their ids, in order. */
  insertMany(products: readonly ProductFields[], active: boolean, now: number): number[];
  /** Rewrites every field and the barcodes (in the given order). Stock is not a field: see addStockMovement. */
  update(id: number, fields: ProductFields, now: number): void;
  setActive(id: number, active: boolean, now: number): void;
  /** Departments of every product, active or not. */
  departments(): Category[];
  /** Appends to the stock ledger and moves products.stock_milli by the same amount. */
  addStockMovement(movement: {
    productId: number;
    kind: 'import';
    quantity: Milli;
    userId: number | null;
    at: number;
  }): void;
  /** Every product by SKU, for the export. */
  all(): ProductRecord[];
}
