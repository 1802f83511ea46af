import { describe, expect, it } from 'vitest';
import type { CajaApi, Channel, Reply } from '../../../app/api/contract';
import type { Cart } from '../../../app/domain/sale';
import { createAppStore } from '../../../renderer/src/store/create-app-store';

function cart(updatedAt: number, total: number): Cart {
  return {
    saleId: 1,
    lines: [],
    totals: { subtotal: total, iva: 0, total, ivaBreakdown: [], itemCount: 0 },
    updatedAt,
  };
}

/** An in-memory stand-in for window.caja that answers from a table and records calls. */
function fakeApi(answers: Partial<Record<Channel, Reply<Channel>>>) {
  const calls: [string, unknown][] = [];
  const api: CajaApi = {
    invoke: async (channel, args) => {
      calls.push([channel, args]);
      const answer = answers[channel];
      if (!answer) throw new Error(`no fake answer for ${channel}`);
      return answer as never;
    },
    on: () => () => undefined,
    channels: [],
    events: [],
  };
  return { api, calls };
}

describe('renderer app store', () => {
  it('never lets an older cart overwrite a newer one', () => {
    const store = createAppStore(fakeApi({}).api);
    store.getState().applyCart(cart(200, 500));
    store.getState().applyCart(cart(100, 300));
    expect(store.getState().cart?.totals.total).toBe(500);
    store.getState().applyCart(cart(300, 700));
    expect(store.getState().cart?.totals.total).toBe(700);
  });

  it('renders each cart change once: the second copy (reply after event) is dropped', () => {
    const store = createAppStore(fakeApi({}).api);
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.getState().applyCart(cart(400, 900));
    store.getState().applyCart(cart(400, 900));
    expect(notified).toBe(1);
  });

  it('scan returns the product name and stores the cart the core computed', async () => {
    const { api, calls } = fakeApi({
      'sales.cart.scan': {
        ok: true,
        value: {
          cart: cart(5, 2000),
          product: {
            id: 1,
            sku: 'A',
            barcode: null,
            name: 'Agua',
            price: 2000,
            ivaRateBp: 1600,
            category: 'B',
            active: true,
          },
        },
      },
    });
    const store = createAppStore(api);
    expect(await store.getState().scan('7501')).toBe('Agua');
    expect(calls).toEqual([['sales.cart.scan', { code: '7501' }]]);
    expect(store.getState().cart?.totals.total).toBe(2000);
  });

  it('turns a not_found scan into null without an error notice, and other errors into a notice', async () => {
    const notFound = createAppStore(
      fakeApi({ 'sales.cart.scan': { ok: false, error: { code: 'not_found', message: 'x' } } }).api,
    );
    expect(await notFound.getState().scan('1')).toBeNull();
    expect(notFound.getState().notice).toBeNull();

    const broken = createAppStore(
      fakeApi({
        'sales.cart.scan': { ok: false, error: { code: 'internal', message: 'x', correlationId: 'abc' } },
      }).api,
    );
    expect(await broken.getState().scan('1')).toBeNull();
    expect(broken.getState().notice).toMatchObject({
      tone: 'error',
      key: 'errors.internal',
      params: { id: 'abc' },
    });
  });

  it('removes a line when its quantity goes below one', async () => {
    const { api, calls } = fakeApi({ 'sales.cart.removeLine': { ok: true, value: cart(9, 0) } });
    await createAppStore(api).getState().setQuantity(4, 0);
    expect(calls).toEqual([['sales.cart.removeLine', { lineId: 4 }]]);
  });
});
