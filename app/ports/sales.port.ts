import type { Product } from '../domain/catalog';
import type { Sale } from '../domain/sale';

/** Storage of sales and their lines. */
export interface SalesRepo {
  /** The open sale, created (in one transaction) when there is none. */
  openSale(now: number): Sale;
  /** The open sale's id, created like {@link openSale} does, without loading its lines. */
  openSaleId(now: number): number;
  /** Adds `quantity` of a product to the sale, merging into an existing line of the same product. */
  addProduct(saleId: number, product: Product, quantity: number, now: number): Sale;
  setQuantity(saleId: number, lineId: number, quantity: number, now: number): Sale | undefined;
  removeLine(saleId: number, lineId: number, now: number): Sale | undefined;
  clearLines(saleId: number, now: number): Sale;
  getSale(saleId: number): Sale | undefined;
  /** Marks an open sale completed with its final totals; false when it was not open. */
  completeSale(saleId: number, totals: { total: number; iva: number }, now: number): boolean;
  /** Sets a line's discount (basis points) and who approved it above the limit. */
  setDiscount(
    saleId: number,
    lineId: number,
    discountBp: number,
    approvedBy: number | null,
    now: number,
  ): Sale | undefined;
  /** Puts the open sale on hold; false when it was not open. */
  park(saleId: number, now: number): boolean;
  /** Sales on hold, most recent first. */
  parked(): Sale[];
  /**
   * Makes a parked sale the open one. The current open sale is parked when it has lines, or
   * deleted when it is empty (an empty sale has no payments and nothing worth keeping).
   */
  recall(saleId: number, now: number): Sale | undefined;
  /** When a completed sale completed, or undefined when it is not completed. */
  completedAt(saleId: number): number | undefined;
  /** The latest completed sales, most recent first, for reprinting. */
  completedSales(limit: number): { saleId: number; completedAt: number; total: number }[];
}
