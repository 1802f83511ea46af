/**
 * Read models of the manager's transactions list and payment detail (issue 7, items 1 and 2). The
 * SQL behind them lives in app/infra/db/office/transactions; the services see only these.
 */
import type {
  PaymentDetailView,
  TransactionRow,
  TransactionsQuery,
  TransactionTotals,
} from '../domain/office/transactions';
import type { WebhookSignature } from '../domain/payment';
import type { PaymentStatus } from '../domain/payment-status';

/** Where the previous page ended: the last row's time and id. */
export interface Keyset {
  createdAt: number;
  id: number;
}

/** A filter in storage terms: epoch range and stored states; the exact filters as the query has them. */
export interface PaymentFilter extends Pick<
  TransactionsQuery,
  | 'tender'
  | 'terminalSerial'
  | 'cashierId'
  | 'cardBrand'
  | 'amountMin'
  | 'amountMax'
  | 'search'
  | 'registerId'
> {
  start: number;
  end: number;
  states: readonly PaymentStatus[];
}

/** Pages of payments (newest first, keyset-paged) and the totals of the whole filtered set. */
export interface TransactionsReadModel {
  /** Up to `limit` rows older than `after` (or the newest), newest first. */
  page(filter: PaymentFilter, after: Keyset | null, limit: number): TransactionRow[];
  /** Count and sums over every payment the filter matches. */
  totals(filter: PaymentFilter): TransactionTotals;
}

/** A ledger row with its actor's name. */
export interface LedgerRecord {
  id: number;
  at: number;
  kind: string;
  source: string;
  fromStatus: PaymentStatus | null;
  toStatus: PaymentStatus | null;
  detail: string | null;
  rawPayload: string | null;
  actorName: string | null;
  /** Webhook rows: the recorded verdict; rows before migration 007 read as unverified. */
  signature: WebhookSignature | null;
}

/** An audit entry about the payment. */
export interface AuditRecord {
  id: number;
  at: number;
  action: string;
  details: string | null;
  actorName: string | null;
  /** Where the action was taken (issue 17); null for what no register did (the relay, start-up). */
  registerName: string | null;
}

/** One payment's detail: the payment and its sale, its ledger and the audit entries about it. */
export interface PaymentDetailReadModel {
  /** The payment and its sale, or undefined when no such payment exists. */
  payment(paymentId: number): Omit<PaymentDetailView, 'timeline'> | undefined;
  /** The payment's ledger, in the order it was written. */
  ledger(paymentId: number): LedgerRecord[];
  /** Audit entries whose subject is the payment. */
  audit(paymentId: number): AuditRecord[];
}

/** Distinct values for the transactions filter pickers. */
export interface FilterChoicesReadModel {
  /** Card brands seen on any payment. */
  cardBrands(): string[];
  /** Terminal serials seen on any payment. */
  terminalSerials(): string[];
  /** Everyone who may have taken a payment (cashiers and managers, active or not). */
  users(): { id: number; name: string }[];
  /** Every register, by id (the server's own counter, 0, first), revoked ones included. */
  registers(): { id: number; name: string; revoked: boolean }[];
}
