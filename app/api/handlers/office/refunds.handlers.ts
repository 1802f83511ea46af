import type { Handlers } from '../../dispatch';
import type { RefundsContract } from '../../office/refunds.contract';
import { OpenItemsReadModel } from '../../../infra/db/office/refunds/open-items.read';
import { OpenItemsService } from '../../../services/office/refunds/open-items.service';
import type { OfficeDeps } from './office-deps';

/** Handlers of the manager's home: refunds and open items. The signed-in manager is the actor. */
export function refundsHandlers(deps: OfficeDeps): Pick<Handlers, keyof RefundsContract> {
  const openItems = new OpenItemsService({
    read: new OpenItemsReadModel(deps.db),
    payments: deps.payments,
    card: deps.card,
    refunds: deps.refunds,
    audit: deps.audit,
    clock: deps.clock,
  });
  return {
    'office.home.get': () => openItems.home(),
    'office.refunds.preview': ({ paymentId }) => deps.refunds.preview(paymentId),
    'office.refunds.create': ({ paymentId, amount }) =>
      deps.refunds.create(paymentId, amount, deps.manager()),
    'office.refunds.list': ({ paymentId }) => deps.refunds.list(paymentId),
    'office.openItems.list': () => openItems.list(),
    'office.openItems.verify': ({ paymentId }) => openItems.verify(paymentId, deps.manager()),
    'office.openItems.acknowledgeWebhook': ({ eventId, note }) =>
      openItems.acknowledge(eventId, deps.manager(), note),
    'office.openItems.addNote': ({ paymentId, note }) => openItems.addNote(paymentId, note, deps.manager()),
  };
}
