import type { Centavos, RateBp } from './money';
import type { Milli, ProductUnit } from './products/product-record';
import type { SaleTotals } from './cart-pricing';

/** Lifecycle of a sale: the cart is the one `open` sale; parked and completed come with later issues. */
export type SaleStatus = 'open' | 'parked' | 'completed' | 'voided';

/**
 * One line of a sale. Name and price are copied from the product when the line is added, so a later
 * price change never rewrites what a customer was charged.
 */
export interface SaleLine {
  id: number;
  /** Null on an open-price line (an item not in the catalog, see {@link SaleLine.openPrice}). */
  productId: number | null;
  sku: string;
  name: string;
  unitPrice: Centavos;
  ivaRateBp: RateBp;
  quantity: number;
  /** Per-line discount in basis points (1000 = 10 %). */
  discountBp: number;
  /** Sold by weight: thousandths of `unit` (0.755 kg = 755), and `quantity` is 1. Null for pieces. */
  quantityMilli: Milli | null;
  /** The product's unit when the line was added ('pieza' on piece and open-price lines). */
  unit: ProductUnit;
  /** The amount a price-embedded scale label fixed for this line; null otherwise. */
  labelAmount: Centavos | null;
  /** An item not in the catalog, priced by the cashier ("Artículo común"). */
  openPrice: boolean;
  /** IVA exento (not tasa 0): `ivaRateBp` is then 0. */
  ivaExempt: boolean;
}

/** A sale with its lines. */
export interface Sale {
  id: number;
  status: SaleStatus;
  openedAt: number;
  updatedAt: number;
  lines: SaleLine[];
}

/** A line as the cart shows it, with its own amounts. */
export interface CartLine extends SaleLine {
  /** What the discount takes off this line, in centavos. */
  discount: Centavos;
  gross: Centavos;
  iva: Centavos;
}

/** A sale put on hold to serve the next customer; recalled later as the open sale. */
export interface ParkedSale {
  saleId: number;
  parkedAt: number;
  itemCount: number;
  total: Centavos;
  /** Names of the first lines, so the cashier recognises whose basket it is. */
  summary: string;
}

/** The open sale as the cashier sees it: lines and totals computed by the core. */
export interface Cart {
  saleId: number;
  lines: CartLine[];
  totals: SaleTotals;
  /** Grows with every change of the sale (see SqliteSalesRepo's touchSale), so it orders copies. */
  updatedAt: number;
}
