/**
 * The manager's office, returns by item (issue 14, item 6): a completed sale's lines with what can
 * still come back, and a return of chosen lines and quantities refunded in cash or to the card. Every
 * `office.*` channel is `manager` (see [Note: the office needs a manager]). Quantities are
 * thousandths (1 pieza = 1000); amounts centavos. See [Note: returns].
 */
import type { ReturnableSale, ReturnCreated, ReturnRequest } from '../../domain/office/returns';

export interface ReturnsContract {
  /** A completed sale's lines, what is left to return, how it was paid and its earlier returns. */
  'office.returns.sale': { policy: 'manager'; args: { saleId: number }; result: ReturnableSale };
  /** Returns the chosen lines: cash from the open shift's drawer, or to a card payment of the sale. */
  'office.returns.create': { policy: 'manager'; args: ReturnRequest; result: ReturnCreated };
}

/**
 * The counter's returns (a cashier at the Tickets screen, with a manager's PIN, as `payments.refund`):
 * the same service, the approving manager is the actor. Declared here beside the office's, listed
 * in contract.ts like the other counter channels.
 */
export interface CounterReturnsContract {
  /** The sale's lines and what can still come back (what the receipt already shows, plus returns). */
  'sales.returns.get': { policy: 'session'; args: { saleId: number }; result: ReturnableSale };
  /** A return approved by a manager's PIN typed at the counter. */
  'sales.returns.create': {
    policy: 'session';
    args: ReturnRequest & { managerPin: string };
    result: ReturnCreated;
  };
}

/** The counter's return channels. */
export const COUNTER_RETURNS_CHANNELS = [
  'sales.returns.get',
  'sales.returns.create',
] as const satisfies readonly (keyof CounterReturnsContract)[];

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const RETURNS_CHANNELS = [
  'office.returns.sale',
  'office.returns.create',
] as const satisfies readonly (keyof ReturnsContract)[];
