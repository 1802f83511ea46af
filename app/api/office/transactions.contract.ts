/**
 * The manager's office, transactions: channels named `office.transactions.*` (or `office.<noun>.<verb>` of this area).
 * Every `office.*` channel is `manager` (see [Note: the office needs a manager]). Result types live
 * in app/domain/office so the renderer can import them without Node types.
 */
import type {
  PaymentDetailView,
  TransactionFilterChoices,
  TransactionsPage,
  TransactionsQuery,
} from '../../domain/office/transactions';

/** Channels of the transactions list and the payment detail (issue 7, items 1 and 2). */
export interface TransactionsContract {
  /** A page of payments of a Mexico City day or range, filtered; totals of the whole set on page one. */
  'office.transactions.list': { policy: 'manager'; args: TransactionsQuery; result: TransactionsPage };
  /** Choices for the filter pickers: terminals, users, card brands seen. */
  'office.transactions.filters': {
    policy: 'manager';
    args: Record<string, never>;
    result: TransactionFilterChoices;
  };
  /** A payment, its sale and its whole timeline (ledger + audit), webhooks marked. */
  'office.payments.detail': { policy: 'manager'; args: { paymentId: number }; result: PaymentDetailView };
}

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const TRANSACTIONS_CHANNELS = [
  'office.transactions.list',
  'office.transactions.filters',
  'office.payments.detail',
] as const satisfies readonly (keyof TransactionsContract)[];
