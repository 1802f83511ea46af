import { describe, expect, it } from 'vitest';
import type { Channel, Reply } from '../../../app/api/contract';
import { createCore } from '../../../app/host/create-core';
import type { Cart, ParkedSale } from '../../../app/domain/sale';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoCashier } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

function value<T>(reply: Reply<Channel>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

describe('park and recall on a real database', () => {
  it('parks, swaps with a busy cart, drops an empty one, and refuses once money is involved', async () => {
    const core = createCore({ dataDir: freshDataDir(), shell: 'web', logger: recordingLogger().logger });
    await signInDemoCashier(core);
    const first = value<{ cart: Cart }>(await core.dispatch('sales.cart.scan', { code: 'ABA-001' })).cart;
    expect((await core.dispatch('sales.cart.park', {})).ok).toBe(true);
    const fresh = value<Cart>(await core.dispatch('sales.cart.get', {}));
    expect(fresh.saleId).not.toBe(first.saleId);
    expect(fresh.lines).toEqual([]);
    // An empty sale is not worth parking.
    const empty = await core.dispatch('sales.cart.park', {});
    expect(!empty.ok && empty.error.code).toBe('conflict');

    await core.dispatch('sales.cart.scan', { code: 'BEB-002' });
    const recalled = value<Cart>(await core.dispatch('sales.parked.recall', { saleId: first.saleId }));
    expect(recalled.saleId).toBe(first.saleId);
    const parked = value<ParkedSale[]>(await core.dispatch('sales.parked.list', {}));
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ saleId: fresh.saleId, itemCount: 1, total: 4200 });

    // Recall into an empty cart deletes that empty sale instead of parking it.
    await core.dispatch('sales.cart.park', {});
    const again = value<Cart>(await core.dispatch('sales.parked.recall', { saleId: fresh.saleId }));
    expect(again.lines).toHaveLength(1);
    expect(value<ParkedSale[]>(await core.dispatch('sales.parked.list', {})).map((p) => p.saleId)).toEqual([
      first.saleId,
    ]);

    // Once cash is taken, the sale can no longer be parked.
    await core.dispatch('payments.cash.pay', { tendered: 1000, amount: 1000 });
    const locked = await core.dispatch('sales.cart.park', {});
    expect(!locked.ok && locked.error.code).toBe('conflict');
    const missing = await core.dispatch('sales.parked.recall', { saleId: 999 });
    expect(!missing.ok && missing.error.code).toBe('conflict');
    core.close();
  });
});
