/**
 * The stock ledger (issue 13, item 4). `stock_movements` is append-only; `products.stock_milli` is
 * its running sum, written in the same transaction as each movement so the two never disagree.
 */
import type {
  InventoryValuation,
  LowStockList,
  StockChange,
  StockMovementKind,
  StockMovementsPage,
  StockProductView,
} from '../domain/office/stock';
import type { Milli } from '../domain/products/product-record';

/**
 * What the payment engine needs: the stock a completed sale takes. Called inside the completion's
 * own transaction, so a sale is never completed without its movements nor the reverse.
 */
export interface SaleStock {
  /**
   * Writes one `sale` movement (−units × 1000, or −thousandths of a weighed line; a product's lines
   * summed) per product of the sale that tracks stock, and
   * lowers its stock. Idempotent: a product already taken by this sale is skipped (a unique index
   * backs it, migration 012), so a retried completion writes nothing twice.
   */
  takeForSale(saleId: number, userId: number | null, now: number): void;
}

/** A movement to write. */
export interface NewStockMovement {
  productId: number;
  kind: StockMovementKind;
  /** Signed and non-zero. */
  quantity: Milli;
  unitCost?: number | null | undefined;
  reason?: string | null | undefined;
  saleId?: number | null | undefined;
  refundId?: number | null | undefined;
  userId: number | null;
}

/** What a sale line took from stock, for a return of that line. */
export interface SaleLineStock {
  saleLineId: number;
  saleId: number;
  productId: number;
  /** What the sale's movement took for this product (positive), 0 when it took nothing. */
  taken: Milli;
  /** What refunds of the same sale and product already put back (positive). */
  restored: Milli;
}

/** Storage of the stock ledger. */
export interface StockRepo extends SaleStock {
  /** A product's stock fields, or undefined when there is no such product. */
  product(productId: number): (StockProductView & { trackStock: boolean }) | undefined;
  /**
   * Appends `movement` and adds its quantity to the product's stock in one transaction; with
   * `setCost`, the product's cost becomes the movement's unit cost (a goods receipt).
   */
  append(movement: NewStockMovement, now: number, options?: { setCost?: boolean }): StockChange;
  /** Runs `work` in one IMMEDIATE transaction (a count reads the stock and writes the movement). */
  transaction<T>(work: () => T): T;
  /** What a completed sale's line took and what was already returned, or undefined when no such line. */
  saleLineStock(saleLineId: number): SaleLineStock | undefined;
  /** A product's ledger, newest first, `limit` rows with id below `before`. */
  movements(productId: number, before: number | null, limit: number): StockMovementsPage | undefined;
  lowStock(): LowStockList;
  valuation(): InventoryValuation;
}
