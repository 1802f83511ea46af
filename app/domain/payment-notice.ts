/**
 * [Note: payments in doubt at start-up]
 * A card payment that was still in doubt (requested, sent or unknown) when Caja stopped — a crash, a
 * power cut, a closed window — is settled after the restart by verification, often before anyone
 * looks at the counter: an approval completes the sale, a decline or cancel leaves it open. Either way
 * the cashier at this register must be told how it ended (payments-lessons rule 6; issue 11 finding 8).
 * So at start-up each such payment is noted; once it has resolved it is a notice for the counter
 * until a signed-in user acknowledges it. The list of noted payments is stored (it survives another
 * restart until seen) and each payment is noted once, so it is never shown twice.
 */
import type { Centavos } from './money';
import { holdsMoney, type PaymentStatus } from './payment-status';
import type { Payment } from './payment';

/** How the payment ended, in the cashier's terms. */
export type PaymentNoticeOutcome =
  /** Approved and the sale is complete: reprint the ticket. */
  | 'sale_completed'
  /** Approved, but the sale still owes something (split tender): charge the rest. */
  | 'approved_sale_open'
  /** Declined, canceled, expired or failed: nothing was charged and the sale is open again. */
  | 'nothing_charged';

/** What the counter shows about one payment that was in doubt when Caja stopped. */
export interface PaymentNotice {
  paymentId: number;
  saleId: number;
  outcome: PaymentNoticeOutcome;
  status: PaymentStatus;
  amount: Centavos;
  tip: Centavos;
  cardBrand: string | null;
  cardLast4: string | null;
  authorizationCode: string | null;
  uniqueReference: string | null;
  /** When the cashier started the charge (epoch ms). */
  startedAt: number;
  /** When the payment last changed: its outcome, or a detail recorded after it (epoch ms). */
  resolvedAt: number;
}

/** The notice for a resolved payment, given whether its sale is now completed. */
export function paymentNotice(payment: Payment, saleCompleted: boolean): PaymentNotice {
  // A refund after the approval does not undo that the sale went through.
  const charged = holdsMoney(payment.status) || payment.status === 'refunded';
  return {
    paymentId: payment.id,
    saleId: payment.saleId,
    outcome: !charged ? 'nothing_charged' : saleCompleted ? 'sale_completed' : 'approved_sale_open',
    status: payment.status,
    amount: payment.amount,
    tip: payment.tip,
    cardBrand: payment.cardBrand,
    cardLast4: payment.cardLast4,
    authorizationCode: payment.authorizationCode,
    uniqueReference: payment.uniqueReference,
    startedAt: payment.createdAt,
    resolvedAt: payment.updatedAt,
  };
}
