/**
 * Returns by item (issue 14, item 6): which lines of a completed sale come back, how many, and how the
 * money goes back (cash from the drawer, or to the card through the refund ledger). Pure types and
 * the amount rule; the renderer imports this file.
 *
 * [Note: return amounts]
 * A line's money is its own price after its own discount: `gross` as app/domain/cart-pricing.ts
 * prices it (integer centavos, the discount rounded once on the whole line). Returning part of a
 * line gives back the part of that gross *cumulatively*: with `sold` thousandths sold for `gross`
 * centavos and `before` thousandths already returned, returning `q` more gives back
 * `round(gross × (before + q) / sold) − round(gross × before / sold)` (half up, integers only). So the
 * returns of a line always add up to exactly its gross once all of it is back, a unit never costs the
 * customer more than what they paid for it, and no centavo is lost or made by splitting a return.
 * Example: 3 at $10.00 with 10 % off is $27.00; one back is $9.00, then another $9.00, then $9.00.
 * 3 at $3.33 (gross $9.99): one back is round(3.33) = $3.33, two are round(6.66) − 3.33 = $3.33, the
 * last is 9.99 − 6.66 = $3.33; 1 of 3 at $1.00 with 5 % off (gross $2.85): $0.95, $0.95, $0.95.
 */
import type { Centavos } from '../money';
import type { Milli } from '../products/product-record';
import type { PaymentMethod } from '../payment';

/** Thousandths per piece: a line sold by the piece returns in steps of 1000. */
export const MILLI_PER_UNIT = 1000;

/** Rounds `numerator / denominator` half up, for non-negative integers. */
function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** The centavos a return of `quantity` gives back. See [Note: return amounts]. */
export function returnAmount(
  line: { gross: Centavos; soldMilli: Milli; returnedMilli: Milli },
  quantity: Milli,
): Centavos {
  const upTo = (milli: Milli) => divideHalfUp(line.gross * milli, line.soldMilli);
  return upTo(line.returnedMilli + quantity) - upTo(line.returnedMilli);
}

/** One line of a sale as the return screen shows it. */
export interface ReturnableLine {
  saleLineId: number;
  /** Null on an open-price line ("Artículo común"): nothing in the catalog, no stock to restore. */
  productId: number | null;
  sku: string;
  name: string;
  unitPrice: Centavos;
  discountBp: number;
  /** What the customer paid for the whole line, after its discount. */
  gross: Centavos;
  soldMilli: Milli;
  /** Already returned (returns whose card refund failed do not count). */
  returnedMilli: Milli;
  /** soldMilli − returnedMilli. */
  returnableMilli: Milli;
  /** Sold by weight: any thousandths may come back; otherwise whole pieces (multiples of 1000). */
  byWeight: boolean;
}

/** A card payment of the sale that a card return can go back to. */
export interface ReturnCardOption {
  paymentId: number;
  cardBrand: string | null;
  cardLast4: string | null;
  /** What the refund ledger still allows on this payment (charged − refunds not failed). */
  refundable: Centavos;
}

/** What the return screen shows for one sale. */
export interface ReturnableSale {
  saleId: number;
  completedAt: number;
  total: Centavos;
  cashier: string | null;
  lines: ReturnableLine[];
  /** Payments of the sale by tender, to say how it was paid. */
  paidBy: { paymentId: number; method: PaymentMethod; amount: Centavos }[];
  cardOptions: ReturnCardOption[];
  /** Total already given back by returns of this sale. */
  returnedAmount: Centavos;
  returns: ReturnView[];
}

/** One line to return and how many thousandths. */
export interface ReturnLineRequest {
  saleLineId: number;
  quantity: Milli;
}

/** How the money goes back. */
export type ReturnTender = { method: 'cash' } | { method: 'card'; paymentId: number };

/** What the manager asks for: a sale, its lines and quantities, and how the money goes back. */
export interface ReturnRequest {
  saleId: number;
  lines: ReturnLineRequest[];
  tender: ReturnTender;
  reason?: string | undefined;
}

/** A return just stored (and, for a card, its refund sent). */
export interface ReturnCreated {
  return: ReturnView;
  /** Card: where the refund stands now (see [Note: refund ledger]). */
  refundStatus: string | null;
  /** Stock put back per line (null where the line's product took no stock). */
  stockRestored: { saleLineId: number; quantity: Milli }[];
}

/** A stored return. */
export interface ReturnView {
  id: number;
  saleId: number;
  method: PaymentMethod;
  amount: Centavos;
  refundId: number | null;
  /** The card refund's state (see [Note: refund ledger]); null for cash. */
  refundStatus: string | null;
  shiftId: number | null;
  reason: string | null;
  createdBy: number;
  createdByName: string | null;
  createdAt: number;
  lines: { saleLineId: number; name: string; quantity: Milli; amount: Centavos }[];
}

/** Returns of a period, for the Z report and the period report. */
export interface ReturnsSummary {
  count: number;
  amount: Centavos;
  cash: Centavos;
  card: Centavos;
  /** productId null: the open-price lines ("Artículo común"), counted together. */
  byProduct: { productId: number | null; sku: string; name: string; quantity: Milli; amount: Centavos }[];
  byDepartment: { department: string | null; quantity: Milli; amount: Centavos }[];
}
