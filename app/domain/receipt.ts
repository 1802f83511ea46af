import type { SaleTotals } from './cart-pricing';
import type { Centavos } from './money';
import type { PaymentMethod } from './payment';
import type { StoreTimeZone } from './store-time-zone';

/** One printed line of a receipt. */
export interface ReceiptLine {
  name: string;
  sku: string;
  quantity: number;
  unitPrice: Centavos;
  /** What the line's discount took off, in centavos (0 for none). */
  discount: Centavos;
  gross: Centavos;
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
}

/** A past sale in the reprint list. */
export interface ReceiptSummary {
  saleId: number;
  completedAt: number;
  total: Centavos;
}
