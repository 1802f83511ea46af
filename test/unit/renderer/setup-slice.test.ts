import { describe, expect, it } from 'vitest';
import type { CajaApi, Channel, Reply } from '../../../app/api/contract';
import type { StoreSetupInput } from '../../../app/domain/store-setup';
import { subscribeEvents } from '../../../renderer/src/bridge/subscribe-events';
import { createAppStore } from '../../../renderer/src/store/create-app-store';

const INPUT: StoreSetupInput = {
  store: { name: 'Don Pepe', rfc: 'GOMM800101AB1', address: '', timeZone: 'America/Tijuana' },
  manager: { name: 'Pepe', pin: '482615' },
};

function fakeApi(answers: Partial<Record<Channel, Reply<Channel>>>) {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const api: CajaApi = {
    invoke: async (channel, args) => {
      calls.push([channel, args]);
      return (answers[channel] ?? { ok: true, value: null }) as never;
    },
    on: (event, listener) => {
      listeners.set(event, listener as (payload: unknown) => void);
      return () => listeners.delete(event);
    },
    channels: [],
    events: [],
  };
  return { api, calls, emit: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

describe('the setup slice', () => {
  it('is the one caller of store.setup.create and keeps its refusal for the wizard', async () => {
    const refused: Reply<Channel> = { ok: false, error: { code: 'session_required', message: 'x' } };
    const { api, calls } = fakeApi({ 'store.setup.create': refused });
    const store = createAppStore(api);
    store.getState().openSetup();
    expect(store.getState().setupOpen).toBe(true);
    expect(await store.getState().createStore(INPUT)).toBe(false);
    expect(calls).toEqual([['store.setup.create', INPUT]]);
    expect(store.getState().setupError?.code).toBe('session_required');
    expect(store.getState().setupBusy).toBe(false);
    store.getState().closeSetup();
    expect(store.getState().setupOpen).toBe(false);
  });

  it('shows a refused switch (payment in flight) on the notice line', async () => {
    const refused: Reply<Channel> = { ok: false, error: { code: 'conflict', message: 'cobro en curso' } };
    const { api } = fakeApi({ 'store.switch': refused });
    const store = createAppStore(api);
    expect(await store.getState().switchStore('demo')).toBe(false);
    expect(store.getState().notice?.key).toBe('errors.conflict');
  });

  it('reloads the page when the host opened the other store', () => {
    const { api, emit } = fakeApi({});
    const store = createAppStore(api);
    let reloads = 0;
    subscribeEvents(api, store, () => (reloads += 1));
    emit('app.store.switched', { kind: 'real' });
    expect(reloads).toBe(1);
  });
});
