import type { Centavos } from '../domain/money';
import type { RefundStatus, RefundView } from '../domain/office/refunds';
import type { RefundKind } from '../domain/office/void-or-refund';
import type { PaymentEvent } from '../domain/payment';

/** A refund as stored: its view (less the requester's name) plus what only the service needs. */
export interface RefundRecord extends Omit<RefundView, 'requestedByName'> {
  sendCount: number;
  evidenceEventId: number | null;
}

/** A new refund row (always `requested`: stored before anything is sent). */
export interface NewRefund {
  paymentId: number;
  amount: Centavos;
  kind: RefundKind;
  reference: string;
  requestedBy: number | null;
}

/** Storage of refunds (infra/db/office/refunds/refunds.repo.ts). */
export interface RefundsRepo {
  insert(refund: NewRefund, now: number): RefundRecord;
  get(id: number): RefundRecord | undefined;
  forPayment(paymentId: number): RefundRecord[];
  inFlight(): RefundRecord[];
  /** Sum of the payment's refunds that have not failed (confirmed or still in flight). */
  committedSum(paymentId: number): Centavos;
  /** Marks the POST as leaving now: `unknown` until Kushki's answer is stored. */
  markSending(id: number, now: number): void;
  /** Moves an in-flight refund to `status`; false when it was already final. */
  settle(
    id: number,
    status: RefundStatus,
    patch: { failureReason?: string | null; evidenceEventId?: number | null },
    now: number,
  ): boolean;
  /** When the payment was approved (its first transition to approved), if recorded. */
  approvedAt(paymentId: number): number | undefined;
  /** The payment's stored webhooks of `transactionType: devolucion` not yet used as evidence. */
  unusedRefundWebhooks(paymentId: number): PaymentEvent[];
}
