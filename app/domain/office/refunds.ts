/**
 * What the manager's home, refunds and open items channels return (issue 7, items 3 and 4). Plain
 * data only: the renderer imports this file, so it has no Node or infra imports.
 */
import type { Centavos } from '../money';
import type { PaymentStatus } from '../payment-status';
import type { RefundKind } from './void-or-refund';

/** Where a refund stands. See [Note: refund ledger]. */
export type RefundStatus = 'requested' | 'accepted' | 'unknown' | 'confirmed' | 'failed';

/** Statuses of a refund whose outcome is not settled yet. */
export const REFUNDS_IN_FLIGHT: readonly RefundStatus[] = ['requested', 'accepted', 'unknown'];

/** One refund (full or partial) of a card payment. */
export interface RefundView {
  id: number;
  paymentId: number;
  amount: Centavos;
  kind: RefundKind;
  status: RefundStatus;
  reference: string;
  requestedBy: number | null;
  requestedByName: string | null;
  requestedAt: number;
  sentAt: number | null;
  failureReason: string | null;
  updatedAt: number;
}

/** What the refund dialog shows before the manager confirms. */
export interface RefundPreview {
  paymentId: number;
  /** What was charged on the card: amount plus tip. */
  charged: Centavos;
  /** What may still be refunded: charged minus every refund not failed. */
  refundable: Centavos;
  /** Refunds not failed, confirmed or in flight. */
  alreadyRefunded: Centavos;
  kind: RefundKind;
  /** 23:00 of the approval's day, Mexico City: before it a void, from it a refund. */
  cutoffAt: number;
  approvedAt: number;
  paymentStatus: PaymentStatus;
  cardBrand: string | null;
  cardLast4: string | null;
}

/** A refund just requested, and where its payment stands now. */
export interface RefundCreated {
  refund: RefundView;
  paymentStatus: PaymentStatus;
}

/** A card payment in **unknown**: Caja keeps verifying, nobody may charge again. */
export interface UnknownPaymentItem {
  paymentId: number;
  saleId: number;
  amount: Centavos;
  tip: Centavos;
  terminalSerial: string | null;
  uniqueReference: string | null;
  createdAt: number;
  checkCount: number;
  nextCheckAt: number | null;
  /** Notes managers recorded (what they saw on the terminal, what the customer was told). */
  notes: { at: number; byName: string | null; text: string }[];
}

/** A webhook that matched no payment: kept with its raw payload for a manager to review. */
export interface UnmatchedWebhookItem {
  eventId: number;
  at: number;
  uniqueReference: string | null;
  detail: string | null;
  rawPayload: string | null;
  reviewedAt: number | null;
  reviewedByName: string | null;
}

/**
 * Unverified, unreviewed webhooks matching no payment that are kept in full; the rest are counted.
 * See [Note: unmatched webhooks are capped] in app/services/payments/inbound-webhooks.service.ts.
 */
export const UNMATCHED_KEPT_IN_FULL = 500;

/** What an unmatched webhook said it was, for the overflow counts (a closed set, never its text). */
export type UnmatchedKind = 'sale' | 'refund' | 'other' | 'not_webhook';

/**
 * Unmatched webhooks of one store day and kind that were counted, not stored, past the cap. See
 * [Note: unmatched webhooks are capped] in app/services/payments/inbound-webhooks.service.ts.
 */
export interface UnmatchedOverflowItem {
  /** Store day, 'YYYY-MM-DD' (America/Mexico_City). */
  day: string;
  kind: UnmatchedKind;
  count: number;
  firstAt: number;
  lastAt: number;
}

/** A completed sale that received more than its total (a card approval that came after it was paid). */
export interface OverpaymentItem {
  saleId: number;
  saleTotal: Centavos;
  /** Money the sale holds net of refunds, beyond its total. */
  excess: Centavos;
  completedAt: number | null;
  /** The card payment to refund: the latest approved one that can still be refunded. */
  paymentId: number;
  paymentAmount: Centavos;
  approvedAt: number;
}

/** The open items lists. */
export interface OpenItems {
  unknownPayments: UnknownPaymentItem[];
  unmatchedWebhooks: UnmatchedWebhookItem[];
  /** Unmatched webhooks stored in full but past the list's length ("N more similar notices"). */
  unmatchedNotListed: number;
  /** Unmatched webhooks past the cap, counted per day and kind, newest day first. */
  unmatchedOverflow: UnmatchedOverflowItem[];
  overpayments: OverpaymentItem[];
  refundsInFlight: RefundView[];
}

/** The counts at the top of the manager's home. */
export interface HomeCounts {
  unknownPayments: number;
  unmatchedWebhooks: number;
  refundsInFlight: number;
  overpayments: number;
}
