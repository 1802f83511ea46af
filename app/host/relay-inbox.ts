import type { PaymentsRepo } from '../ports/payments.port';
import type { RelayEvent, RelayInbox } from '../ports/relay-inbox.port';
import type { SettingsRepo } from '../ports/settings.port';
import type { Clock } from '../ports/clock.port';
import type { InboundWebhooksService } from '../services/payments/inbound-webhooks.service';

const CURSOR_KEY = 'relay.cursor';

/**
 * The relay client's inbox on the store's database: the event goes into the payment ledger and the
 * cursor moves in the same transaction, so a crash can lose neither one without the other.
 */
export function createRelayInbox(deps: {
  payments: PaymentsRepo;
  settings: SettingsRepo;
  inbound: InboundWebhooksService;
  clock: Clock;
  reconcile: () => Promise<void>;
}): RelayInbox {
  return {
    cursor: () => Number(deps.settings.getPublic(CURSOR_KEY) ?? 0) || 0,
    commit(event: RelayEvent) {
      deps.payments.transaction(() => {
        deps.inbound.accept({
          eventId: event.id,
          payload: event.payload,
          receivedAt: event.receivedAt,
          signature: event.signature,
        });
        deps.settings.setPublic(CURSOR_KEY, String(event.seq), deps.clock.now());
      });
    },
    missedEvents() {
      void deps.reconcile();
    },
  };
}
