import { describe, expect, it } from 'vitest';
import type { Channel, Reply } from '../../../app/api/contract';
import { createCore } from '../../../app/host/create-core';
import type { Receipt, ReceiptSummary } from '../../../app/domain/receipt';
import type { Cart } from '../../../app/domain/sale';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

function value<T>(reply: Reply<Channel>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

describe('receipts from stored data', () => {
  it('prints lines, IVA, split tender with change, the cashier, and survives a restart', async () => {
    const dataDir = freshDataDir();
    const now = { t: Date.UTC(2026, 0, 15, 18, 30) };
    const options = {
      dataDir,
      shell: 'web' as const,
      logger: recordingLogger().logger,
      clock: { now: () => now.t },
    };
    let core = createCore(options);
    await core.dispatch('session.signIn', { userId: 2, pin: '9999' });
    const cart = value<{ cart: Cart }>(await core.dispatch('sales.cart.scan', { code: 'VAR-003' })).cart;
    expect(value<Receipt | null>(await core.dispatch('sales.receipts.list', {}))).toEqual([]);
    const open = await core.dispatch('sales.receipt.get', { saleId: cart.saleId });
    expect(!open.ok && open.error.code).toBe('not_found');
    await core.dispatch('payments.cash.pay', { tendered: 5000, amount: 5000 });
    await core.dispatch('payments.cash.pay', { tendered: 5000 });
    core.close();

    core = createCore(options);
    const list = value<ReceiptSummary[]>(await core.dispatch('sales.receipts.list', {}));
    expect(list).toEqual([{ saleId: cart.saleId, completedAt: now.t, total: 9500 }]);
    const receipt = value<Receipt>(await core.dispatch('sales.receipt.get', { saleId: cart.saleId }));
    expect(receipt).toMatchObject({
      saleId: cart.saleId,
      completedAt: now.t,
      timeZone: 'America/Mexico_City',
      cashier: 'Luis Hernández',
      totals: cart.totals,
    });
    expect(receipt.lines).toEqual([
      {
        name: cart.lines[0]?.name,
        sku: 'VAR-003',
        quantity: 1,
        unitPrice: 9500,
        discount: 0,
        gross: 9500,
        quantityMilli: null,
        unit: 'pieza',
        openPrice: false,
      },
    ]);
    expect(receipt.payments.map((p) => [p.method, p.amount, p.tendered, p.change])).toEqual([
      ['cash', 5000, 5000, 0],
      ['cash', 4500, 5000, 500],
    ]);
    core.close();
  });
});
