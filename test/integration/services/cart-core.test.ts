import { describe, expect, it } from 'vitest';
import type { Reply, Channel } from '../../../app/api/contract';
import { createCore, type Core } from '../../../app/host/create-core';
import type { AppEvent } from '../../../app/ports/event-bus.port';
import { DEMO_PRODUCTS } from '../../../app/infra/seed/demo-catalog';
import { demoBarcode } from '../../../app/infra/seed/seed-demo';
import { openDatabase } from '../../../app/infra/db/open-database';
import { recordingLogger } from '../../support/recording-logger';
import { PLANTED_SECRET, plantSecrets } from '../../support/secret-setting';
import { sampleArgs } from '../../support/sample-args';
import { freshDataDir } from '../../support/web-shell';
import { DEMO_USERS, signInDemoCashier } from '../../support/sign-in';

async function startCore(dataDir: string): Promise<Core> {
  const core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger });
  await signInDemoCashier(core);
  return core;
}

function value<T>(reply: Reply<Channel>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

interface CartValue {
  saleId: number;
  lines: { id: number; sku: string; quantity: number; gross: number }[];
  totals: { total: number; iva: number; subtotal: number };
}

describe('cart through the core on a real database', () => {
  it('adds, scans, changes quantities, removes, and totals in centavos', async () => {
    const core = await startCore(freshDataDir());
    const events: AppEvent[] = [];
    core.events.subscribe((e) => events.push(e));
    const [cola] = value<{ id: number; price: number }[]>(
      await core.dispatch('catalog.products.search', { text: 'refresco de cola 600' }),
    );
    expect(cola?.price).toBe(2000);
    await core.dispatch('sales.cart.addProduct', { productId: cola?.id });
    await core.dispatch('sales.cart.addProduct', { productId: cola?.id });
    const milk = DEMO_PRODUCTS.find((p) => p.sku === 'LAC-001');
    const scanned = value<{ cart: CartValue; product: { sku: string } }>(
      await core.dispatch('sales.cart.scan', { code: demoBarcode(milk?.barcode12 ?? '') }),
    );
    expect(scanned.product.sku).toBe('LAC-001');
    expect(scanned.cart.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['BEB-001', 2],
      ['LAC-001', 1],
    ]);
    expect(scanned.cart.totals).toMatchObject({ total: 4000 + 2900, iva: 552, subtotal: 6900 - 552 });

    const milkLine = scanned.cart.lines[1]?.id ?? 0;
    const updated = value<CartValue>(
      await core.dispatch('sales.cart.setQuantity', { lineId: milkLine, quantity: 3 }),
    );
    expect(updated.totals.total).toBe(4000 + 8700);
    const removed = value<CartValue>(await core.dispatch('sales.cart.removeLine', { lineId: milkLine }));
    expect(removed.lines.map((l) => l.sku)).toEqual(['BEB-001']);
    expect(events.filter((e) => e.event === 'sales.cart.updated')).toHaveLength(5);
    core.close();
  });

  it('scans by SKU in any case, and says not_found for an unknown code without changing the cart', async () => {
    const core = await startCore(freshDataDir());
    const bySku = value<{ product: { sku: string } }>(
      await core.dispatch('sales.cart.scan', { code: 'beb-002' }),
    );
    expect(bySku.product.sku).toBe('BEB-002');
    const missing = await core.dispatch('sales.cart.scan', { code: '7500000000000' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    const cart = value<CartValue>(await core.dispatch('sales.cart.get', {}));
    expect(cart.lines).toHaveLength(1);
    core.close();
  });

  it('finds products without accents and by barcode fragment', async () => {
    const core = await startCore(freshDataDir());
    const names = (r: Reply<Channel>) => value<{ name: string }[]>(r).map((p) => p.name);
    expect(names(await core.dispatch('catalog.products.search', { text: 'platano' }))).toEqual([
      'Plátano (pieza)',
    ]);
    // LIKE wildcards are literal: "%" matches nothing rather than everything.
    expect(names(await core.dispatch('catalog.products.search', { text: '%' }))).toEqual([]);
    const soap = DEMO_PRODUCTS.find((p) => p.sku === 'HIG-001');
    const fragment = demoBarcode(soap?.barcode12 ?? '').slice(3, 12);
    expect(names(await core.dispatch('catalog.products.search', { text: fragment }))).toEqual([soap?.name]);
    const dairy = names(await core.dispatch('catalog.products.search', { text: '', category: 'Lácteos' }));
    expect(dairy.length).toBe(DEMO_PRODUCTS.filter((p) => p.category === 'Lácteos').length);
    core.close();
  });

  it('keeps the open sale across a restart', async () => {
    const dataDir = freshDataDir();
    const first = await startCore(dataDir);
    await first.dispatch('sales.cart.scan', { code: 'ABA-001' });
    await first.dispatch('sales.cart.scan', { code: 'ABA-001' });
    const before = value<CartValue>(await first.dispatch('sales.cart.get', {}));
    first.close();
    const second = await startCore(dataDir);
    const after = value<CartValue>(await second.dispatch('sales.cart.get', {}));
    expect(after).toEqual(before);
    expect(after.lines[0]?.quantity).toBe(2);
    second.close();
  });

  it('records removals and clears in the audit log', async () => {
    const dataDir = freshDataDir();
    const core = await startCore(dataDir);
    const cart = value<{ cart: CartValue }>(await core.dispatch('sales.cart.scan', { code: 'BOT-001' })).cart;
    await core.dispatch('sales.cart.scan', { code: 'BOT-002' });
    await core.dispatch('sales.cart.removeLine', { lineId: cart.lines[0]?.id });
    await core.dispatch('sales.cart.clear', {});
    core.close();
    const db = openDatabase(`${dataDir}/caja.sqlite`);
    const actions = db.prepare(`SELECT action FROM audit_log ORDER BY id`).all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      'store.seeded',
      'session.signed_in',
      'sale.line.removed',
      'sale.cleared',
    ]);
    db.close();
  });

  it('audits each quantity change from→to, and who took the money that completed the sale', async () => {
    const dataDir = freshDataDir();
    const core = await startCore(dataDir);
    const cart = value<{ cart: CartValue }>(await core.dispatch('sales.cart.scan', { code: 'BOT-001' })).cart;
    const lineId = cart.lines[0]?.id;
    await core.dispatch('sales.cart.setQuantity', { lineId, quantity: 5 });
    await core.dispatch('sales.cart.setQuantity', { lineId, quantity: 2 });
    // Setting the quantity it already has changes nothing and records nothing.
    await core.dispatch('sales.cart.setQuantity', { lineId, quantity: 2 });
    value(await core.dispatch('payments.cash.pay', { tendered: 100_000 }));
    core.close();
    const db = openDatabase(`${dataDir}/caja.sqlite`);
    const rows = db
      .prepare(
        `SELECT action, actor_user_id AS actor, details FROM audit_log
         WHERE action IN ('sale.line.quantity_changed', 'sale.completed') ORDER BY id`,
      )
      .all() as { action: string; actor: number | null; details: string | null }[];
    db.close();
    const cashier = DEMO_USERS.cashier.id;
    expect(rows.map((r) => ({ ...r, details: r.details && JSON.parse(r.details) }))).toEqual([
      { action: 'sale.line.quantity_changed', actor: cashier, details: { sku: 'BOT-001', from: 1, to: 5 } },
      { action: 'sale.line.quantity_changed', actor: cashier, details: { sku: 'BOT-001', from: 5, to: 2 } },
      { action: 'sale.completed', actor: cashier, details: null },
    ]);
  });

  it('never returns a secret setting through any channel', async () => {
    const dataDir = freshDataDir();
    plantSecrets(dataDir);
    const core = await startCore(dataDir);
    const scan = value<{ cart: CartValue }>(await core.dispatch('sales.cart.scan', { code: 'LIM-001' }));
    const args = sampleArgs({ productId: 1, lineId: scan.cart.lines[0]?.id ?? 0, barcode: 'LIM-002' });
    for (const [channel, arg] of Object.entries(args)) {
      const reply = await core.dispatch(channel, arg);
      // Some calls fail by design here (no terminal configured); none may leak, and none may crash.
      expect(reply.ok || reply.error.code !== 'internal', `${channel} crashed`).toBe(true);
      expect(JSON.stringify(reply)).not.toContain(PLANTED_SECRET);
    }
    core.close();
  });

  it('keeps what is stored when a request is bad', async () => {
    const core = await startCore(freshDataDir());
    await core.dispatch('sales.cart.scan', { code: 'HIG-001' });
    const before = value<CartValue>(await core.dispatch('sales.cart.get', {}));
    for (const [channel, args] of [
      ['sales.cart.setQuantity', { lineId: before.lines[0]?.id, quantity: 0 }],
      ['sales.cart.setQuantity', { lineId: before.lines[0]?.id, quantity: 1000 }],
      ['sales.cart.setQuantity', { lineId: 999_999, quantity: 2 }],
      ['sales.cart.removeLine', { lineId: 999_999 }],
      ['sales.cart.addProduct', { productId: 999_999 }],
      ['sales.cart.scan', { code: "'; DROP TABLE products; --" }],
    ] as const) {
      const reply = await core.dispatch(channel, args);
      expect(reply.ok).toBe(false);
    }
    expect(value<CartValue>(await core.dispatch('sales.cart.get', {}))).toEqual(before);
    core.close();
  });
});
