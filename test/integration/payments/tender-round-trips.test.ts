/**
 * Issue 12: the counter takes the tender from `sales.tender.updated` instead of asking
 * `sales.tender.get` after each payment update. The renderer's real store and its one event
 * module, over the real core (an in-process stand-in for a transport: events first, in order, then
 * the reply, as both shells deliver them), count the round trips of a whole sale.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_NAMES, INVOKE_CHANNELS } from '../../../app/api/channels';
import type { CajaApi } from '../../../app/api/contract';
import type { TenderSummary } from '../../../app/domain/payment-view';
import type { Core } from '../../../app/host/create-core';
import { subscribeEvents } from '../../../renderer/src/bridge/subscribe-events';
import { createAppStore, type AppStore } from '../../../renderer/src/store/create-app-store';
import { fillCart, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';

let h: PaymentsHarness;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  await h?.close();
});

/** `window.caja` over a core in this process; every invoke is counted by channel. */
function inProcessApi(core: Core, invoked: string[]): CajaApi {
  return {
    invoke: (channel, args) => {
      invoked.push(channel);
      return core.dispatch(channel, args) as never;
    },
    on: (event, listener) =>
      core.events.subscribe((e) => {
        // Queued, not called inside the emit: a transport hands events over after the core's work.
        if (e.event === event) queueMicrotask(() => listener(e.payload as never));
      }),
    channels: INVOKE_CHANNELS,
    events: EVENT_NAMES,
  };
}

/** Resolves when the store satisfies `done`. */
function until(store: AppStore, done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done()) return resolve();
    const unsubscribe = store.subscribe(() => {
      if (!done()) return;
      unsubscribe();
      resolve();
    });
  });
}

async function counter(): Promise<{ store: AppStore; invoked: string[] }> {
  const invoked: string[] = [];
  const api = inProcessApi(h.core, invoked);
  const store = createAppStore(api);
  stop = subscribeEvents(api, store);
  await fillCart(h);
  await store.getState().openCheckout();
  return { store, invoked };
}

const tenderReads = (invoked: string[]) => invoked.filter((c) => c === 'sales.tender.get').length;

describe('the counter follows the tender by events', () => {
  it('an approved card sale reads the tender once, when the checkout opens', async () => {
    h = await startPaymentsHarness();
    const { store, invoked } = await counter();
    const saleId = store.getState().tender?.saleId;
    expect(store.getState().tender).toMatchObject({ total: 2000, due: 2000 });

    await store.getState().startCard({});
    await until(store, () => store.getState().completed?.saleId === saleId);
    await until(store, () => store.getState().tender?.saleId !== saleId);

    expect(tenderReads(invoked)).toBe(1);
    expect(store.getState().completed).toMatchObject({ saleId, total: 2000 });
    // The tender the events left is the trusted side's.
    expect(store.getState().tender).toEqual(await h.call<TenderSummary>('sales.tender.get', {}));
  });

  it('a cash sale with change: no read after the payment, and the completion shows the change', async () => {
    h = await startPaymentsHarness();
    const { store, invoked } = await counter();
    const saleId = store.getState().tender?.saleId;

    await store.getState().payCash(5000);
    await until(store, () => store.getState().tender?.saleId !== saleId);

    expect(tenderReads(invoked)).toBe(1);
    expect(store.getState().completed).toMatchObject({ saleId, total: 2000, change: 3000 });
    expect(store.getState().tender).toEqual(await h.call<TenderSummary>('sales.tender.get', {}));
  });

  it('split tender: the part paid in cash shows in the tender without a read', async () => {
    h = await startPaymentsHarness();
    const { store, invoked } = await counter();

    await store.getState().payCash(1000, 500);

    await until(store, () => store.getState().tender?.paid === 500);
    expect(store.getState().tender).toMatchObject({ total: 2000, paid: 500, due: 1500 });
    expect(tenderReads(invoked)).toBe(1);
  });
});
