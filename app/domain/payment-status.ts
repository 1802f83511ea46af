/**
 * The payment state machine. [Note: payment monotonicity]
 * A payment only ever moves up this order; an older or weaker event can never undo a final state.
 * The one way "down" is evidence from Kushki's get-status (the truth, per payments-lessons rule 3):
 * APPROVED beats a local canceled/declined/expired, because money moved whatever we believed.
 */

/** Every state a payment can be in. */
export type PaymentStatus =
  | 'requested' // persisted with its reference, not yet acknowledged by Kushki
  | 'sent' // Kushki holds it as CREATED: the terminal is asking for a card
  | 'unknown' // lost track (timeouts, no events past the deadline): keep verifying, never charge again
  | 'declined'
  | 'canceled'
  | 'expired'
  | 'failed' // Kushki refused the request itself (offline terminal, bad data): nothing was charged
  | 'approved'
  | 'refund_requested'
  | 'refunded';

/** Every status, for schemas and checks. */
export const PAYMENT_STATUSES: readonly PaymentStatus[] = [
  'requested',
  'sent',
  'unknown',
  'declined',
  'canceled',
  'expired',
  'failed',
  'approved',
  'refund_requested',
  'refunded',
];

const RANK: Record<PaymentStatus, number> = {
  requested: 0,
  sent: 1,
  unknown: 1,
  declined: 2,
  canceled: 2,
  expired: 2,
  failed: 2,
  approved: 3,
  refund_requested: 4,
  refunded: 5,
};

/** States in which the outcome is not yet known: no new card attempt may start for the sale. */
export const UNRESOLVED: readonly PaymentStatus[] = ['requested', 'sent', 'unknown'];

/** True while the outcome is not known. */
export function isUnresolved(status: PaymentStatus): boolean {
  return UNRESOLVED.includes(status);
}

/** True when money was taken and stays taken (approved, or a refund is only requested). */
export function holdsMoney(status: PaymentStatus): boolean {
  return status === 'approved' || status === 'refund_requested';
}

/** True for outcomes after which the cashier may start a new attempt with a new reference. */
export function isFinalWithoutMoney(status: PaymentStatus): boolean {
  return RANK[status] === 2;
}

/** Where a transition's evidence came from; only Kushki's own status may overrule a final state. */
export type EvidenceSource = 'kushki_status' | 'local';

/**
 * Whether `current → next` is allowed. See [Note: payment monotonicity].
 * - up the order: always;
 * - sent ⇄ unknown: losing and regaining track of a pending request;
 * - a final state without money → approved: only on Kushki's get-status.
 */
export function canTransition(current: PaymentStatus, next: PaymentStatus, source: EvidenceSource): boolean {
  if (current === next) return false;
  if ((current === 'sent' && next === 'unknown') || (current === 'unknown' && next === 'sent')) return true;
  if (RANK[next] > RANK[current]) {
    if (RANK[current] === 2)
      return next === 'approved' || next === 'refunded' ? source === 'kushki_status' : false;
    return true;
  }
  return false;
}
