import type { Handlers } from '../../dispatch';
import type { RefundsContract } from '../../office/refunds.contract';
import type { OpenItemsService } from '../../../services/office/refunds/open-items.service';
import type { RefundsService } from '../../../services/payments/refunds.service';

/** What the manager's home and refunds channels call (built by app/host/build-office.ts). */
export interface RefundsHandlersDeps {
  openItems: OpenItemsService;
  refunds: RefundsService;
  /** The manager signed in at this register (requireManager guarantees one inside office handlers). */
  manager: () => number;
}

/** Handlers of the manager's home: refunds and open items. The signed-in manager is the actor. */
export function refundsHandlers({
  openItems,
  refunds,
  manager,
}: RefundsHandlersDeps): Pick<Handlers, keyof RefundsContract> {
  return {
    'office.home.get': () => openItems.home(),
    'office.refunds.preview': ({ paymentId }) => refunds.preview(paymentId),
    'office.refunds.create': ({ paymentId, amount }) => refunds.create(paymentId, amount, manager()),
    'office.refunds.list': ({ paymentId }) => refunds.list(paymentId),
    'office.openItems.list': () => openItems.list(),
    'office.openItems.verify': ({ paymentId }) => openItems.verify(paymentId, manager()),
    'office.openItems.acknowledgeWebhook': ({ eventId, note }) =>
      openItems.acknowledge(eventId, manager(), note),
    'office.openItems.addNote': ({ paymentId, note }) => openItems.addNote(paymentId, note, manager()),
  };
}
