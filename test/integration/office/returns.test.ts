/**
 * Returns by item against a real SQLite file and the real simulator over HTTP: a card return
 * settles through the refund ledger, a cash return comes out of the shift's drawer, over-returns and
 * concurrent returns are refused (by the service and by migration 015's trigger), stock comes back,
 * and every return is audited. See [Note: returns].
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReturnableSale, ReturnCreated } from '../../../app/domain/office/returns';
import type { DailyReport } from '../../../app/domain/office/reports';
import type { RefundView } from '../../../app/domain/office/refunds';
import type { CurrentShift } from '../../../app/domain/office/shifts';
import { storeDayOf } from '../../../app/domain/office/store-day';
import type { PaymentView } from '../../../app/domain/payment-view';
import { databaseFileIn } from '../../../app/host/create-core';
import { startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';
import { signInDemoCashier, signInDemoManager } from '../../support/sign-in';

let h: PaymentsHarness;
let db: Database.Database | undefined;
afterEach(async () => {
  db?.close();
  db = undefined;
  await h?.close();
});

// Noon in Mexico City: the sale, its return and the Z report fall on one store day.
const NOON = Date.UTC(2026, 5, 15, 18, 0, 0);
const ZONE = 'America/Mexico_City';

/** A second connection to the core's own file, for setting up products and reading rows back. */
function openDb(): Database.Database {
  db = new Database(databaseFileIn(h.dataDir));
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Adds `units` of each SKU to the cart and returns the sale id. */
async function cart(lines: Record<string, number>): Promise<{ saleId: number; total: number }> {
  let last: { saleId: number; totals: { total: number } } | undefined;
  for (const [sku, units] of Object.entries(lines)) {
    const { id } = openDb()
      .prepare<[string], { id: number }>(`SELECT id FROM products WHERE sku = ?`)
      .get(sku)!;
    db?.close();
    last = await h.call('sales.cart.addProduct', { productId: id, quantity: units });
  }
  return { saleId: last!.saleId, total: last!.totals.total };
}

async function cashSale(lines: Record<string, number>): Promise<number> {
  const { saleId, total } = await cart(lines);
  await h.call('payments.cash.pay', { tendered: total });
  return saleId;
}

async function cardSale(lines: Record<string, number>): Promise<{ saleId: number; payment: PaymentView }> {
  const { saleId } = await cart(lines);
  const started = await h.call<PaymentView>('payments.card.start', {});
  const payment = await h.waitForStatus(started.id, ['approved']);
  return { saleId, payment };
}

const sale = (saleId: number) => h.call<ReturnableSale>('office.returns.sale', { saleId });
const lineOf = (s: ReturnableSale, sku: string) => s.lines.find((l) => l.sku === sku)!;

describe('returns by item', () => {
  it('returns one line of a card sale to the card: the refund settles and the report counts it', async () => {
    h = await startPaymentsHarness({ startAt: NOON });
    await signInDemoManager(h.core);
    // 2 × $20.00 cola + 1 × $18.00 (BEB-002): one cola comes back.
    const { saleId, payment } = await cardSale({ 'BEB-001': 2, 'BEB-002': 1 });
    const before = await sale(saleId);
    const cola = lineOf(before, 'BEB-001');
    expect(cola).toMatchObject({ soldMilli: 2000, returnedMilli: 0, returnableMilli: 2000 });
    expect(before.cardOptions.map((o) => o.paymentId)).toEqual([payment.id]);

    const created = await h.call<ReturnCreated>('office.returns.create', {
      saleId,
      lines: [{ saleLineId: cola.saleLineId, quantity: 1000 }],
      tender: { method: 'card', paymentId: payment.id },
    });
    expect(created.return).toMatchObject({ method: 'card', amount: cola.gross / 2 });
    // The partial refund is confirmed by its (signed) devolucion webhook, through the one refund path.
    await expect
      .poll(
        async () =>
          (await h.call<RefundView[]>('office.refunds.list', { paymentId: payment.id })).map((r) => r.status),
        { timeout: 8_000, interval: 20 },
      )
      .toEqual(['confirmed']);
    expect(h.sim.requests.get(payment.uniqueReference ?? '')).toMatchObject({
      refundedCents: cola.gross / 2,
    });

    const after = await sale(saleId);
    expect(lineOf(after, 'BEB-001')).toMatchObject({ returnedMilli: 1000, returnableMilli: 1000 });
    const day = storeDayOf(h.clock.now(), ZONE);
    const report = await h.call<DailyReport>('office.reports.daily', { day });
    expect(report.returns).toMatchObject({ count: 1, amount: cola.gross / 2, card: cola.gross / 2, cash: 0 });
    expect(report.returns.byProduct).toEqual([
      expect.objectContaining({ sku: 'BEB-001', quantity: 1000, amount: cola.gross / 2 }),
    ]);
    expect(report.totals.refunds).toBe(cola.gross / 2);
  });

  it('returns one line of a cash sale in cash: the open shift expects less cash, stock comes back, audited', async () => {
    h = await startPaymentsHarness({ startAt: NOON });
    await signInDemoManager(h.core);
    const conn = openDb();
    conn.prepare(`UPDATE products SET track_stock = 1, stock_milli = 10000 WHERE sku = 'BEB-001'`).run();
    await h.call('office.shifts.open', { float: 50_000 });
    const saleId = await cashSale({ 'BEB-001': 3 });
    const stock = () =>
      conn.prepare<[], { s: number }>(`SELECT stock_milli AS s FROM products WHERE sku = 'BEB-001'`).get()!.s;
    expect(stock()).toBe(7000);
    const shiftBefore = await h.call<CurrentShift>('office.shifts.current', {});
    expect(shiftBefore.shift?.expected).toBe(50_000 + 6_000);

    const cola = lineOf(await sale(saleId), 'BEB-001');
    const created = await h.call<ReturnCreated>('office.returns.create', {
      saleId,
      lines: [{ saleLineId: cola.saleLineId, quantity: 2000 }],
      tender: { method: 'cash' },
      reason: 'Caducado',
    });
    expect(created).toMatchObject({
      return: { method: 'cash', amount: 4_000, shiftId: shiftBefore.shift?.id, reason: 'Caducado' },
      refundStatus: null,
      stockRestored: [{ saleLineId: cola.saleLineId, quantity: 2000 }],
    });
    expect(stock()).toBe(9000);
    const shiftAfter = await h.call<CurrentShift>('office.shifts.current', {});
    expect(shiftAfter.shift).toMatchObject({ cashRefunds: 4_000, expected: 50_000 + 6_000 - 4_000 });
    const report = await h.call<DailyReport>('office.reports.daily', {
      day: storeDayOf(h.clock.now(), ZONE),
    });
    expect(report.returns).toMatchObject({ count: 1, amount: 4_000, cash: 4_000 });
    expect(report.byTender.find((r) => r.key === 'cash')).toMatchObject({ refunds: 4_000, net: 2_000 });
    const csv = await h.call<{ content: string }>('office.reports.exportCsv', {
      day: storeDayOf(h.clock.now(), ZONE),
    });
    expect(csv.content).toContain(
      'Devoluciones de artículos\r\nDevoluciones,Importe con IVA,En efectivo,A tarjeta\r\n1,40.00,40.00,0.00',
    );
    expect(csv.content).toContain('BEB-001,Refresco de cola 600 ml,2,40.00');
    const audit = conn
      .prepare<[], { details: string }>(`SELECT details FROM audit_log WHERE action = 'sale.return.created'`)
      .all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ method: 'cash', amount: 4_000 });
  });

  it('refuses a return beyond what was sold less what came back, and a cash return with no shift', async () => {
    h = await startPaymentsHarness({ startAt: NOON });
    await signInDemoManager(h.core);
    const saleId = await cashSale({ 'BEB-001': 2 });
    const cola = lineOf(await sale(saleId), 'BEB-001');
    const noShift = await h.reply('office.returns.create', {
      saleId,
      lines: [{ saleLineId: cola.saleLineId, quantity: 1000 }],
      tender: { method: 'cash' },
    });
    expect(noShift).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await h.call('office.shifts.open', { float: 10_000 });
    await h.call('office.returns.create', {
      saleId,
      lines: [{ saleLineId: cola.saleLineId, quantity: 1000 }],
      tender: { method: 'cash' },
    });
    const over = await h.reply('office.returns.create', {
      saleId,
      lines: [{ saleLineId: cola.saleLineId, quantity: 2000 }],
      tender: { method: 'cash' },
    });
    expect(over).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const half = await h.reply('office.returns.create', {
      saleId,
      lines: [{ saleLineId: cola.saleLineId, quantity: 500 }],
      tender: { method: 'cash' },
    });
    expect(half).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    // Nothing of the refused ones was stored.
    expect(openDb().prepare(`SELECT COUNT(*) AS n FROM return_lines`).get()).toEqual({ n: 1 });

    // The trigger refuses the same excess from any writer, outside the service.
    const returnId = db!
      .prepare(
        `INSERT INTO returns (sale_id, method, amount_centavos, shift_id, created_by, created_at)
           VALUES (?, 'cash', 2000, (SELECT id FROM shifts), 2, 0)`,
      )
      .run(saleId).lastInsertRowid as number;
    expect(() =>
      db!
        .prepare(
          `INSERT INTO return_lines (return_id, sale_line_id, quantity_milli, amount_centavos) VALUES (?, ?, 2000, 2000)`,
        )
        .run(returnId, cola.saleLineId),
    ).toThrow(/return exceeds the quantity sold/);
  });

  it('two returns of the same line at once: one passes, the other is refused', async () => {
    h = await startPaymentsHarness({ startAt: NOON });
    await signInDemoManager(h.core);
    await h.call('office.shifts.open', { float: 10_000 });
    const { saleId, payment } = await cardSale({ 'BEB-001': 2 });
    const cola = lineOf(await sale(saleId), 'BEB-001');
    const both = await Promise.all([
      h.reply('office.returns.create', {
        saleId,
        lines: [{ saleLineId: cola.saleLineId, quantity: 2000 }],
        tender: { method: 'card', paymentId: payment.id },
      }),
      h.reply('office.returns.create', {
        saleId,
        lines: [{ saleLineId: cola.saleLineId, quantity: 2000 }],
        tender: { method: 'cash' },
      }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: 'conflict' }) }),
    ]);
    expect(lineOf(await sale(saleId), 'BEB-001')).toMatchObject({ returnedMilli: 2000, returnableMilli: 0 });

    // Two connections writing at once (two processes): the IMMEDIATE lock and the trigger leave one.
    const other = new Database(databaseFileIn(h.dataDir));
    other.pragma('busy_timeout = 5000');
    try {
      const tryInsert = (conn: Database.Database) =>
        conn.transaction(() => {
          const id = conn
            .prepare(
              `INSERT INTO returns (sale_id, method, amount_centavos, shift_id, created_by, created_at)
               VALUES (?, 'cash', 100, (SELECT id FROM shifts), 2, 0)`,
            )
            .run(saleId).lastInsertRowid;
          conn
            .prepare(
              `INSERT INTO return_lines (return_id, sale_line_id, quantity_milli, amount_centavos) VALUES (?, ?, 1000, 100)`,
            )
            .run(id, cola.saleLineId);
        });
      expect(() => tryInsert(openDb()).immediate()).toThrow(/return exceeds the quantity sold/);
      expect(() => tryInsert(other).immediate()).toThrow(/return exceeds the quantity sold/);
    } finally {
      other.close();
    }
  });

  it("a cashier returns at the counter with a manager's PIN; a wrong PIN or the office channel is refused", async () => {
    h = await startPaymentsHarness({ startAt: NOON });
    await signInDemoManager(h.core);
    await h.call('office.shifts.open', { float: 10_000 });
    await signInDemoCashier(h.core);
    const saleId = await cashSale({ 'BEB-001': 1 });
    const cola = lineOf(await h.call<ReturnableSale>('sales.returns.get', { saleId }), 'BEB-001');
    const request = {
      saleId,
      lines: [{ saleLineId: cola.saleLineId, quantity: 1000 }],
      tender: { method: 'cash' },
    };
    expect(await h.reply('office.returns.create', request)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await h.reply('sales.returns.create', { ...request, managerPin: '1111' })).toMatchObject({
      ok: false,
    });
    const created = await h.call<ReturnCreated>('sales.returns.create', { ...request, managerPin: '9999' });
    // The approving manager is the return's actor, as for the counter's refunds.
    expect(created.return).toMatchObject({ amount: 2_000, createdByName: 'Luis Hernández' });
  });
});
