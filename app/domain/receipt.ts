import type { SaleTotals } from './cart-pricing';
import type { Centavos } from './money';
import type { Milli, ProductUnit } from './products/product-record';
import type { PaymentMethod } from './payment';
import type { StoreTimeZone } from './store-time-zone';
import type { PaperWidth } from './printer';

/** One printed line of a receipt. */
export interface ReceiptLine {
  name: string;
  sku: string;
  quantity: number;
  unitPrice: Centavos;
  /** Sold by weight: thousandths of `unit` (see weighedLineText); null for pieces. */
  quantityMilli: Milli | null;
  unit: ProductUnit;
  /** An item not in the catalog ("Artículo común" unless the cashier named it). */
  openPrice: boolean;
  /** What the line's discount took off, in centavos (0 for none). */
  discount: Centavos;
  gross: Centavos;
  /**
   * How the quantity reads when it is not a plain count ("0.755 kg × $89.90/kg" for a weighed line):
   * printed under the name as given. Absent: the layout writes "3 × $12.50" itself.
   */
  quantityText?: string | undefined;
}

/** One tender on a receipt: what was paid and, for a card, what identifies the charge. */
export interface ReceiptPayment {
  /** The payment's number, which the office's refund and return screens search by (issue 14). */
  paymentId: number;
  method: PaymentMethod;
  amount: Centavos;
  tip: Centavos;
  msi: number;
  tendered: Centavos | null;
  change: Centavos | null;
  cardBrand: string | null;
  cardLast4: string | null;
  authorizationCode: string | null;
  reference: string | null;
  /**
   * Kushki's transaction id (from get-status or the webhook). When the webhook never came, get-status
   * gives only this (cloud-terminal-api.md §2.3): no brand, last four or authorization code.
   */
  transactionId: string | null;
}

/** The store's header and footer as the manager set them (issue 7); empty strings when not given. */
export interface ReceiptHeader {
  storeName: string;
  /** The store's RFC (Mexican tax id), printed under the name. */
  storeRfc: string;
  storeAddress: string;
  footer: string;
}

/** A completed sale's receipt, built only from what is stored (payments-lessons rule 11). */
export interface Receipt extends ReceiptHeader {
  saleId: number;
  completedAt: number;
  /** The store's time zone: a receipt shows local date and time, not the PC's or UTC. */
  timeZone: StoreTimeZone;
  lines: ReceiptLine[];
  totals: SaleTotals;
  payments: ReceiptPayment[];
  cashier: string | null;
  /** The paper the store prints on (a setting): the screen shows the same layout. */
  paperWidth: PaperWidth;
}

/** A past sale in the reprint list. */
export interface ReceiptSummary {
  saleId: number;
  completedAt: number;
  total: Centavos;
}
