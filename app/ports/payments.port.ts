import type { Payment, PaymentEvent, PaymentMethod, WebhookSignature } from '../domain/payment';
import type { PaymentStatus } from '../domain/payment-status';
import type { UnmatchedKind } from '../domain/office/refunds';

/** A new payment row. */
export interface NewPayment {
  saleId: number;
  method: PaymentMethod;
  status: PaymentStatus;
  amount: number;
  tip?: number;
  msi?: number;
  tendered?: number | null;
  change?: number | null;
  identifier?: string | null;
  uniqueReference?: string | null;
  terminalSerial?: string | null;
  ttlSeconds?: number | null;
  createdBy?: number | null;
  nextCheckAt?: number | null;
}

/** A new ledger line. */
export interface NewPaymentEvent {
  paymentId: number | null;
  uniqueReference?: string | null;
  externalId?: string | null;
  kind: string;
  source: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  detail?: string | null;
  rawPayload?: string | null;
  /** Webhook rows only: the relay's verdict on Billpocket's signature. */
  signature?: WebhookSignature | null;
  actorUserId?: number | null;
}

/** What an unmatched webhook said it was (re-exported for the adapters). */
export type { UnmatchedKind } from '../domain/office/refunds';

/** Fields a transition or an observation may set alongside the status. */
export type PaymentPatch = Partial<
  Pick<
    Payment,
    | 'kushkiStatus'
    | 'transactionId'
    | 'authorizationCode'
    | 'cardBrand'
    | 'cardLast4'
    | 'cardSignature'
    | 'failureReason'
    | 'cancelRequested'
    | 'nextCheckAt'
    | 'checkCount'
  >
>;

/** Storage of payments and their append-only ledger (see infra/db/payments.repo.ts). */
export interface PaymentsRepo {
  transaction<T>(work: () => T): T;
  get(id: number): Payment | undefined;
  byReference(uniqueReference: string): Payment | undefined;
  forSale(saleId: number): Payment[];
  unresolved(): Payment[];
  dueForCheck(now: number): Payment[];
  nextCheckAt(): number | null;
  insert(payment: NewPayment, now: number): Payment;
  transition(id: number, from: string, to: string, patch: PaymentPatch, now: number): boolean;
  patch(id: number, patch: PaymentPatch, now: number): void;
  appendEvent(event: NewPaymentEvent, now: number): boolean;
  events(paymentId: number): PaymentEvent[];
  unmatchedEvents(limit?: number): PaymentEvent[];
  /** Unmatched, unverified webhook rows no manager has reviewed yet. */
  unmatchedToReview(): number;
  /** Counts an unmatched webhook past the cap instead of storing it. */
  countUnmatchedOverflow(day: string, kind: UnmatchedKind, at: number): void;
}

/** Who is asking: the signed-in user, once PIN login exists (issue 6); null until then. */
export type ActorId = number | null;
