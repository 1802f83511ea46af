/**
 * Pushes the open sale's tender to every window (`sales.tender.updated`), so the counter no longer
 * asks `sales.tender.get` after each payment update (issue 12: an approved card sale cost five).
 * What the open sale owes changes only through its payments or its lines, and both are announced
 * already: `payments.updated` for a payment created or moved (cash included), `sales.cart.updated`
 * for the lines, a park or recall, and the new open sale after one completes. The tender follows
 * each of those that concerns the open sale.
 */
import type { Cart } from '../../domain/sale';
import type { PaymentView } from '../../domain/payment-view';
import type { EventBus } from '../../ports/event-bus.port';
import type { TenderService } from './tender.service';

/** Announces the tender after each event that may change it; returns the unsubscribe function. */
export function announceTender(
  events: EventBus,
  tender: Pick<TenderService, 'summary' | 'summaryOf' | 'openSaleId'>,
): () => void {
  return events.subscribe(({ event, payload }) => {
    if (event === 'sales.cart.updated') {
      // The cart is always the open sale's, and its totals are priced already: only payments are read.
      const cart = payload as Cart;
      events.emit('sales.tender.updated', tender.summaryOf(cart.saleId, cart.totals.total));
    } else if (event === 'payments.updated') {
      // A payment of another sale (an office refund, a late approval of a completed sale) changes nothing here.
      if ((payload as PaymentView).saleId === tender.openSaleId()) {
        events.emit('sales.tender.updated', tender.summary());
      }
    }
  });
}
