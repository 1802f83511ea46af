/**
 * The office's one data layer (issue 12 item 5): reads cached per slot with late answers dropped,
 * changes that invalidate every read, and invalidation on payment updates from the one bridge module.
 */
import { describe, expect, it } from 'vitest';
import type { CajaApi, EventContract, EventName } from '../../../app/api/contract';
import type { Result } from '../../../app/domain/result';
import { subscribeEvents } from '../../../renderer/src/bridge/subscribe-events';
import { createAppStore } from '../../../renderer/src/store/create-app-store';
import { officeSlot } from '../../../renderer/src/store/office/office.slice';

/** A fake bridge whose answers the test releases one by one, in any order; it records listeners. */
function scriptedApi() {
  const pending: { channel: string; args: unknown; answer: (reply: Result<unknown>) => void }[] = [];
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const api: CajaApi = {
    invoke: (channel, args) =>
      new Promise((resolve) =>
        pending.push({ channel, args, answer: resolve as (r: Result<unknown>) => void }),
      ),
    on: (event, listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as (payload: unknown) => void]);
      return () => undefined;
    },
    channels: [],
    events: [],
  };
  const emit = <E extends EventName>(event: E, payload: EventContract[E]) =>
    (listeners.get(event) ?? []).forEach((listener) => listener(payload));
  return { api, pending, emit };
}

const counts = (open: number) => ({ ok: true as const, value: { unknownPayments: open } });

describe('office slice', () => {
  it('keeps a read under its slot and drops an older answer that arrives after a newer one', async () => {
    const { api, pending } = scriptedApi();
    const store = createAppStore(api);
    const slot = officeSlot('office.home.get', {});
    const older = store.getState().readOffice('office.home.get', {});
    const newer = store.getState().readOffice('office.home.get', {});
    pending[1]?.answer(counts(2));
    pending[0]?.answer(counts(1));
    await expect(newer).resolves.toMatchObject({ kind: 'value', value: { unknownPayments: 2 } });
    await expect(older).resolves.toEqual({ kind: 'superseded' });
    expect(store.getState().officeReads[slot]?.value).toEqual({ unknownPayments: 2 });
  });

  it('keeps reads with other arguments apart, and a caller-named slot shared by every page', async () => {
    const { api, pending } = scriptedApi();
    const store = createAppStore(api);
    const one = store.getState().readOffice('office.refunds.preview', { paymentId: 1 });
    const two = store.getState().readOffice('office.refunds.preview', { paymentId: 2 });
    pending[1]?.answer({ ok: true, value: 'two' });
    pending[0]?.answer({ ok: true, value: 'one' });
    await expect(one).resolves.toMatchObject({ kind: 'value', value: 'one' });
    await expect(two).resolves.toMatchObject({ kind: 'value', value: 'two' });

    const first = store.getState().readOffice('office.transactions.list', { from: '2026-12-01' }, 'list');
    const second = store.getState().readOffice('office.transactions.list', { from: '2026-12-02' }, 'list');
    pending[3]?.answer({ ok: true, value: 'day 2' });
    pending[2]?.answer({ ok: true, value: 'day 1' });
    await expect(first).resolves.toEqual({ kind: 'superseded' });
    await expect(second).resolves.toMatchObject({ kind: 'value' });
    expect(store.getState().officeReads.list).toEqual({ args: '{"from":"2026-12-02"}', value: 'day 2' });
  });

  it('shows a failed read the app way and keeps the last good answer', async () => {
    const { api, pending } = scriptedApi();
    const store = createAppStore(api);
    const good = store.getState().readOffice('office.home.get', {});
    pending[0]?.answer(counts(3));
    await good;
    const bad = store.getState().readOffice('office.home.get', {});
    pending[1]?.answer({ ok: false, error: { code: 'forbidden', message: 'no' } });
    await expect(bad).resolves.toEqual({ kind: 'failed' });
    expect(store.getState().notice).toMatchObject({ tone: 'error', key: 'errors.forbidden' });
    expect(store.getState().officeReads[officeSlot('office.home.get', {})]?.value).toEqual({
      unknownPayments: 3,
    });
  });

  it('invalidates every read when a change succeeds, not when it fails, and never on a one-off ask', async () => {
    const { api, pending } = scriptedApi();
    const store = createAppStore(api);
    const failed = store.getState().sendOffice('office.shifts.open', { float: 50_000 });
    pending[0]?.answer({ ok: false, error: { code: 'conflict', message: 'open already' } });
    await expect(failed).resolves.toMatchObject({ ok: false });
    expect(store.getState().officeRevision).toBe(0);

    const asked = store.getState().askOffice('office.settings.get', {});
    pending[1]?.answer({ ok: true, value: {} });
    await asked;
    expect(store.getState().officeRevision).toBe(0);

    const opened = store.getState().sendOffice('office.shifts.open', { float: 50_000 });
    pending[2]?.answer({ ok: true, value: { id: 1 } });
    await expect(opened).resolves.toMatchObject({ ok: true });
    expect(store.getState().officeRevision).toBe(1);
  });

  it('is invalidated by payment updates and completed sales, through the one bridge module', () => {
    const { api, emit } = scriptedApi();
    const store = createAppStore(api);
    subscribeEvents(api, store);
    emit('sales.completed', { saleId: 7 });
    expect(store.getState().officeRevision).toBe(1);
    emit('payments.updated', { id: 1, saleId: 7 } as unknown as EventContract['payments.updated']);
    expect(store.getState().officeRevision).toBe(2);
  });

  it("keeps an import's progress from its events and clears it when the import is done", () => {
    const { api, emit } = scriptedApi();
    const store = createAppStore(api);
    subscribeEvents(api, store);
    const progress = { mode: 'commit', fileName: 'a.csv', done: 500, total: 2_000 } as const;
    emit('office.products.importProgress', { ...progress, phase: 'rows' });
    expect(store.getState().importProgress).toEqual({ ...progress, phase: 'rows' });
    emit('office.products.importProgress', { ...progress, phase: 'done' });
    expect(store.getState().importProgress).toBeNull();
  });

  it('keeps a bounded number of slots, dropping the oldest', async () => {
    const { api, pending } = scriptedApi();
    const store = createAppStore(api);
    for (let paymentId = 1; paymentId <= 70; paymentId++) {
      const read = store.getState().readOffice('office.payments.detail', { paymentId });
      pending[paymentId - 1]?.answer({ ok: true, value: paymentId });
      await read;
    }
    const slots = Object.keys(store.getState().officeReads);
    expect(slots).toHaveLength(64);
    expect(slots).not.toContain(officeSlot('office.payments.detail', { paymentId: 1 }));
    expect(slots).toContain(officeSlot('office.payments.detail', { paymentId: 70 }));
  });
});
