import type { Product } from '../domain/catalog';
import type { Centavos, RateBp } from '../domain/money';
import type { Milli } from '../domain/products/product-record';
import type { Sale } from '../domain/sale';

/** A line sold by weight: its own line, never merged (each weighing is one). */
export interface NewWeighedLine {
  product: Product;
  /** Thousandths of the product's unit. */
  quantityMilli: Milli;
  /** The amount a price-embedded scale label fixed, or null for price × weight. */
  labelAmount: Centavos | null;
}

/** An item not in the catalog ("Artículo común"). */
export interface NewOpenPriceLine {
  name: string;
  price: Centavos;
  ivaRateBp: RateBp;
  ivaExempt: boolean;
  /** The manager who allowed a price above the store's limit. */
  approvedBy: number | null;
}

/** Storage of sales and their lines. */
export interface SalesRepo {
  /** This register's open sale, created (in one transaction) when there is none. */
  openSale(now: number): Sale;
  /** The open sale's id, created like {@link openSale} does, without loading its lines. */
  openSaleId(now: number): number;
  /** The register sale `saleId` was rung on (issue 17), or undefined when there is no such sale. */
  registerOf(saleId: number): number | undefined;
  /**
   * The open sale of the register that sale `saleId` belongs to (created when there is none): the
   * next sale on that counter once `saleId` completed, whichever register's repo is asked.
   */
  openSaleBeside(saleId: number, now: number): Sale;
  /** Adds `quantity` of a product to the sale, merging into an existing line of the same product. */
  addProduct(saleId: number, product: Product, quantity: number, now: number): Sale;
  /** Adds a weighed line (its unit, cost, department and exento copied from the product). */
  addWeighed(saleId: number, line: NewWeighedLine, now: number): Sale;
  /** Adds an open-price line. */
  addOpenPrice(saleId: number, line: NewOpenPriceLine, now: number): Sale;
  /** Sets a piece line's quantity; undefined when there is no such piece line. */
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
  /** This register's sales on hold, most recent first. */
  parked(): Sale[];
  /**
   * Makes a parked sale the open one. The current open sale is parked when it has lines, or
   * deleted when it is empty (an empty sale has no payments and nothing worth keeping).
   */
  recall(saleId: number, now: number): Sale | undefined;
  /** When a completed sale completed, or undefined when it is not completed. */
  completedAt(saleId: number): number | undefined;
  /** This register's latest completed sales, most recent first, for reprinting. */
  completedSales(limit: number): { saleId: number; completedAt: number; total: number }[];
}
