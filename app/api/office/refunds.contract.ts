/**
 * The manager's office, refunds and open items (the office's first tab, the manager's home).
 * Every `office.*` channel is `manager` (see [Note: the office needs a manager]): the signed-in
 * manager is the actor of every action here. Result types live in app/domain/office so the renderer
 * can import them.
 */
import type {
  HomeCounts,
  OpenItems,
  RefundCreated,
  RefundPreview,
  RefundView,
} from '../../domain/office/refunds';
import type { PaymentView } from '../../domain/payment-view';

type None = Record<string, never>;

/** Channel → argument and result. Amounts in centavos. */
export interface RefundsContract {
  /** The counts at the top of the manager's home. */
  'office.home.get': { policy: 'manager'; args: None; result: HomeCounts };
  /** What is left to refund and whether it will be a void or a refund (the 23:00 rule, §2.5). */
  'office.refunds.preview': { policy: 'manager'; args: { paymentId: number }; result: RefundPreview };
  /** Refunds `amount` of an approved card payment (partial below what is left). */
  'office.refunds.create': {
    policy: 'manager';
    args: { paymentId: number; amount: number };
    result: RefundCreated;
  };
  /** The refunds of one payment, or (without `paymentId`) every refund still in flight. */
  'office.refunds.list': {
    policy: 'manager';
    args: { paymentId?: number | undefined };
    result: RefundView[];
  };
  /** Unknown payments, unmatched webhooks, overpayments and refunds in flight. */
  'office.openItems.list': { policy: 'manager'; args: None; result: OpenItems };
  /** "Verify now" on a payment: asks Kushki's get-status at once. */
  'office.openItems.verify': { policy: 'manager'; args: { paymentId: number }; result: PaymentView };
  /** Records that the manager reviewed a webhook that matched no payment (it is kept, never deleted). */
  'office.openItems.acknowledgeWebhook': {
    policy: 'manager';
    args: { eventId: number; note?: string | undefined };
    result: { eventId: number; acknowledged: boolean };
  };
  /** A manager's note on an unknown payment: what the terminal showed, what the customer was told. */
  'office.openItems.addNote': {
    policy: 'manager';
    args: { paymentId: number; note: string };
    result: { paymentId: number };
  };
}

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const REFUNDS_CHANNELS = [
  'office.home.get',
  'office.refunds.preview',
  'office.refunds.create',
  'office.refunds.list',
  'office.openItems.list',
  'office.openItems.verify',
  'office.openItems.acknowledgeWebhook',
  'office.openItems.addNote',
] as const satisfies readonly (keyof RefundsContract)[];
