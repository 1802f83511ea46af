import type { Centavos } from './money';
import { holdsMoney, isUnresolved, type PaymentStatus } from './payment-status';
import type { Payment, PaymentEvent, PaymentMethod } from './payment';

/** A payment as the renderer sees it: no key, no raw Kushki error, just what a cashier acts on. */
export interface PaymentView {
  id: number;
  saleId: number;
  method: PaymentMethod;
  status: PaymentStatus;
  amount: Centavos;
  tip: Centavos;
  msi: number;
  tendered: Centavos | null;
  change: Centavos | null;
  terminalSerial: string | null;
  uniqueReference: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  authorizationCode: string | null;
  failureReason: string | null;
  /** Whether asking Kushki to cancel can still work (the request may still be CREATED). */
  cancelable: boolean;
  /** What became of the cashier's cancel, if one was asked for. See [Note: honest cancel]. */
  cancelOutcome: CancelOutcome | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * [Note: honest cancel]
 * Cancel is a request (payments-lessons rule 5): Kushki accepts it only while its request is still
 * CREATED. When the customer had already paid — the cancel answered 422 APPROVED, or its answer was
 * lost and a later get-status said APPROVED — the payment is approved and the sale goes through. The
 * view says so (`too_late`) so the counter tells the cashier the cancel did not happen and offers the
 * refund at once, instead of a plain "sale completed" (issue 11, finding 7).
 * - `pending`: asked, Kushki's answer not known yet;
 * - `no_charge`: the payment ended without money (the cancel, or something else, stopped it);
 * - `too_late`: the customer paid before the cancel could work.
 */
export type CancelOutcome = 'pending' | 'no_charge' | 'too_late';

/** What became of a cancel asked for on `payment`; null when nobody asked. See [Note: honest cancel]. */
export function cancelOutcomeOf(payment: Pick<Payment, 'cancelRequested' | 'status'>): CancelOutcome | null {
  if (!payment.cancelRequested) return null;
  if (isUnresolved(payment.status)) return 'pending';
  // Refunded counts too: the money moved before the refund gave it back.
  return holdsMoney(payment.status) || payment.status === 'refunded' ? 'too_late' : 'no_charge';
}

/** A payment with its whole ledger, for the timeline. */
export interface PaymentDetail {
  payment: PaymentView;
  timeline: PaymentEvent[];
}

/** What the sale has received and still needs. */
export interface TenderSummary {
  saleId: number;
  total: Centavos;
  paid: Centavos;
  due: Centavos;
  payments: PaymentView[];
}

/** The outcome of a cash tender. */
export interface CashResult {
  payment: PaymentView;
  change: number;
  saleCompleted: boolean;
}

/** Maps a stored payment to its view. */
export function paymentView(payment: Payment): PaymentView {
  return {
    id: payment.id,
    saleId: payment.saleId,
    method: payment.method,
    status: payment.status,
    amount: payment.amount,
    tip: payment.tip,
    msi: payment.msi,
    tendered: payment.tendered,
    change: payment.change,
    terminalSerial: payment.terminalSerial,
    uniqueReference: payment.uniqueReference,
    cardBrand: payment.cardBrand,
    cardLast4: payment.cardLast4,
    authorizationCode: payment.authorizationCode,
    failureReason: payment.failureReason,
    cancelable: payment.method === 'card' && isUnresolved(payment.status),
    cancelOutcome: cancelOutcomeOf(payment),
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
  };
}
