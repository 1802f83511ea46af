/**
 * [Note: events per register]
 * Issue 17: several registers share one core, so an event is either the store's (relay status,
 * notices, language, import progress, store switched: every register hears it) or one register's
 * (its cart, tender, session, and the payments, completions and print jobs of its sales: only that
 * register hears it). One listener list carries every event with its register (null: the store's):
 * - a register's own services emit on `busFor(id)`, which tags the register;
 * - the shared parts (payment engine, printing, office) emit on `store`, which finds the register of
 *   a sale-bound event from its sale (`registerOfSale`) and tags it, or leaves it the store's;
 * - `viewOf(id)` hears the store's events and that register's alone: what a register's link gets;
 * - `store.subscribe` hears everything, for the core's own store-level listeners (payment notices,
 *   automatic printing), which must learn of every register's payments.
 * `core.events` is register 0's view with the store's emit, so the shells (store-host re-emits it)
 * see exactly what one register saw before this issue.
 */
import type { EventName } from '../api/contract';
import type { AppEvent, EventBus } from '../ports/event-bus.port';
import type { Logger } from '../ports/logger.port';

/** Events whose payload names the sale they concern, by the field that holds its id. */
const SALE_BOUND: Partial<Record<EventName, true>> = {
  'payments.updated': true,
  'sales.completed': true,
  'sales.cart.updated': true,
  'sales.tender.updated': true,
  'printer.job.finished': true,
};

type TaggedListener = (event: AppEvent, registerId: number | null) => void;

/** The core's events, store-wide and per register. */
export interface RegisterEvents {
  /** Emits with the register found from the sale (else store-wide); subscribe hears every event. */
  store: EventBus;
  /** One register's bus: what it emits is its own; it hears the store's and its own. */
  busFor(registerId: number): EventBus;
  /** What one register hears: the store's events and its own. */
  viewOf(registerId: number): Pick<EventBus, 'subscribe'>;
}

/** Builds the hub; `registerOfSale` answers which register a sale was rung on. */
export function createRegisterEvents(
  logger: Logger,
  registerOfSale: (saleId: number) => number | undefined,
): RegisterEvents {
  const listeners = new Set<TaggedListener>();
  const emitTagged = (registerId: number | null, event: EventName, payload: unknown) => {
    for (const listener of [...listeners]) {
      try {
        listener({ event, payload } as AppEvent, registerId);
      } catch (error) {
        // One broken window must not stop the others from hearing about a payment.
        logger.error('event listener threw', { event, error });
      }
    }
  };
  const subscribeTagged = (listener: TaggedListener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const viewOf = (registerId: number): Pick<EventBus, 'subscribe'> => ({
    subscribe: (listener) =>
      subscribeTagged((event, from) => {
        if (from === null || from === registerId) listener(event);
      }),
  });
  const registerOf = (event: EventName, payload: unknown): number | null => {
    if (!SALE_BOUND[event]) return null;
    // A print job names its register (a test page or a drawer kick at one counter has no sale).
    const own = (payload as { registerId?: unknown } | null)?.registerId;
    if (typeof own === 'number') return own;
    const saleId = (payload as { saleId?: unknown } | null)?.saleId;
    if (typeof saleId !== 'number') return null;
    return registerOfSale(saleId) ?? null;
  };
  return {
    store: {
      emit: (event, payload) => emitTagged(registerOf(event, payload), event, payload),
      subscribe: (listener) => subscribeTagged((event) => listener(event)),
    },
    busFor: (registerId) => ({
      emit: (event, payload) => emitTagged(registerId, event, payload),
      subscribe: viewOf(registerId).subscribe,
    }),
    viewOf,
  };
}
