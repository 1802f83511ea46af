/**
 * The manager's open items as the service reads them: payments in unknown, webhooks that matched no
 * payment (with who reviewed them), sales paid twice, and the counts of the manager's home.
 * SQLite implements it in app/infra/db/office/refunds/open-items.read.ts.
 */
import type {
  HomeCounts,
  OverpaymentItem,
  UnknownPaymentItem,
  UnmatchedOverflowItem,
  UnmatchedWebhookItem,
} from '../domain/office/refunds';

/** Read model and the one write (a review) of the open items. */
export interface OpenItemsReadModel {
  unknownPayments(): UnknownPaymentItem[];
  /** The newest unmatched webhooks, those not reviewed first (at most `limit`, 100 by default). */
  unmatchedWebhooks(limit?: number): UnmatchedWebhookItem[];
  /** Unmatched webhooks stored in full beyond the `listed` ones shown. */
  unmatchedNotListed(listed: number): number;
  /** Unmatched webhooks that were only counted, newest day first (two months of days at most). */
  unmatchedOverflow(limit?: number): UnmatchedOverflowItem[];
  overpayments(): OverpaymentItem[];
  /** Records who reviewed an unmatched webhook: `not_found` if it is not one, false if already reviewed. */
  acknowledge(eventId: number, userId: number, note: string | null, now: number): 'not_found' | boolean;
  counts(): HomeCounts;
}
