/**
 * The manager's transactions list and payment detail (issue 7, items 1 and 2): result types shared by
 * the trusted side and the renderer, plus the pure mapping from the statuses a manager filters by to
 * the payment states of app/domain/payment-status.ts. Imports nothing from Node or infra.
 */
import type { ProductUnit } from '../products/product-record';
import type { PaymentStatus } from '../payment-status';
import type { WebhookSignature } from '../payment';

/**
 * What a manager filters by. The issue names six; `failed` (Kushki refused the request, nothing
 * charged) and `pending` (still in flight) are offered too, so every payment can be found.
 */
export type StatusFilter =
  'approved' | 'declined' | 'canceled' | 'expired' | 'unknown' | 'refunded' | 'failed' | 'pending';

/** Every status filter, in the order the picker shows them. */
export const STATUS_FILTERS: readonly StatusFilter[] = [
  'approved',
  'declined',
  'canceled',
  'expired',
  'unknown',
  'refunded',
  'failed',
  'pending',
];

/**
 * Stored states behind each filter. A refund only requested counts as `refunded` (a manager looks
 * there for refunds), so `approved` means money taken and not under refund.
 */
export const STATUS_FILTER_STATES: Record<StatusFilter, readonly PaymentStatus[]> = {
  approved: ['approved'],
  declined: ['declined'],
  canceled: ['canceled'],
  expired: ['expired'],
  unknown: ['unknown'],
  refunded: ['refund_requested', 'refunded'],
  failed: ['failed'],
  pending: ['requested', 'sent'],
};

/** The stored states matching any of `filters` (all states when none is given). */
export function statesFor(filters: readonly StatusFilter[]): PaymentStatus[] {
  return [...new Set(filters.flatMap((f) => STATUS_FILTER_STATES[f]))];
}

/** Arguments of `office.transactions.list`. Days are Mexico City calendar days, 'YYYY-MM-DD'. */
export interface TransactionsQuery {
  /** First day (inclusive). */
  from: string;
  /** Last day (inclusive); the same as `from` when absent. */
  to?: string | undefined;
  statuses?: StatusFilter[] | undefined;
  tender?: 'card' | 'cash' | undefined;
  terminalSerial?: string | undefined;
  /** payments.created_by: who started the payment. */
  cashierId?: number | undefined;
  cardBrand?: string | undefined;
  /** Inclusive bounds on the payment's amount (centavos, tip excluded). */
  amountMin?: number | undefined;
  amountMax?: number | undefined;
  /** Only the payments of this register (issue 17); every register when absent. */
  registerId?: number | undefined;
  /** Matches a unique reference (prefix), an authorization code or the card's last four digits. */
  search?: string | undefined;
  /** Opaque: the `nextCursor` of the previous page. */
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** One row of the list. */
export interface TransactionRow {
  id: number;
  saleId: number;
  createdAt: number;
  method: 'card' | 'cash';
  status: PaymentStatus;
  amount: number;
  tip: number;
  cardBrand: string | null;
  last4: string | null;
  authorizationCode: string | null;
  uniqueReference: string | null;
  terminalSerial: string | null;
  cashierName: string | null;
  /** The register whose sale this payment pays (issue 17), and its name. */
  registerId: number;
  registerName: string;
}

/** Sums over the whole filtered set (every page), not just the rows shown. */
export interface TransactionTotals {
  count: number;
  amount: number;
  tips: number;
  /** The approved part of the set, shown apart: the money actually taken. */
  approvedCount: number;
  approvedAmount: number;
  approvedTips: number;
}

/** A page of the list. */
export interface TransactionsPage {
  rows: TransactionRow[];
  /**
   * On the first page only (no cursor): totals hold for the whole set, so later pages do not pay
   * for them again; null on later pages.
   */
  totals: TransactionTotals | null;
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Choices for the filter pickers. */
export interface TransactionFilterChoices {
  terminals: { serial: string; label: string }[];
  cashiers: { id: number; name: string }[];
  cardBrands: string[];
  /** Every register of the store (the server's own counter first), revoked ones too: old rows carry them. */
  registers: { id: number; name: string; revoked: boolean }[];
}

/** The sale a payment belongs to, summarised for the detail view. */
export interface SaleSummary {
  id: number;
  status: 'open' | 'parked' | 'completed' | 'voided';
  total: number | null;
  iva: number | null;
  openedAt: number;
  completedAt: number | null;
  cashierName: string | null;
  /** `quantityMilli` and `unit` are set on a line sold by weight (issue 14), null/'pieza' otherwise. */
  lines: {
    name: string;
    quantity: number;
    unitPrice: number;
    quantityMilli: number | null;
    unit: ProductUnit;
  }[];
  /** Every payment of the sale (this one included), oldest first. */
  payments: { id: number; method: 'card' | 'cash'; status: PaymentStatus; amount: number }[];
}

/** Why a webhook was flagged: see [Note: webhook marks]. */
export interface WebhookMarks {
  /** A delivery of news already received (the same relay event again, or the same body). */
  duplicate: boolean;
  /** Entry id of the earlier identical delivery, when the ledger holds it. */
  duplicateOf: string | null;
  /**
   * `earlier_than_previous`: its event time precedes a webhook already received;
   * `behind_status`: what it says would move the payment backwards (the engine does not follow it).
   */
  outOfOrder: 'earlier_than_previous' | 'behind_status' | null;
  /** What the webhook claims (approved, declined, refunded), when it claims a status at all. */
  claims: PaymentStatus | null;
  /** The payment's state when the webhook was stored. */
  statusOnArrival: PaymentStatus | null;
}

/** One line of a payment's timeline: a ledger row (payment_events) or an audit-log entry. */
export interface TimelineEntry {
  /** `event:<id>` or `audit:<id>`. */
  id: string;
  at: number;
  origin: 'ledger' | 'audit';
  /** Ledger kind (created, push, webhook, status_check, transition…) or audit action. */
  kind: string;
  source: string | null;
  fromStatus: PaymentStatus | null;
  toStatus: PaymentStatus | null;
  /** Text or JSON as recorded. */
  detail: string | null;
  /** The inbound body, as received (webhooks). */
  rawPayload: string | null;
  actorName: string | null;
  /** Audit entries: the register where the action was taken (issue 17); null otherwise. */
  registerName: string | null;
  webhook: WebhookMarks | null;
  /** Webhook rows: whether Billpocket's signature was verified; null on every other entry. */
  signature: WebhookSignature | null;
}

/** Result of `office.payments.detail`. */
export interface PaymentDetailView {
  payment: TransactionRow & {
    identifier: string | null;
    transactionId: string | null;
    kushkiStatus: string | null;
    failureReason: string | null;
    msi: number;
    tendered: number | null;
    change: number | null;
    updatedAt: number;
    /**
     * Whether the card fields came from a webhook with a verified Billpocket signature; null when
     * there are none. See [Note: card facts are written once].
     */
    cardSignature: WebhookSignature | null;
  };
  sale: SaleSummary;
  /** Oldest first. */
  timeline: TimelineEntry[];
}
