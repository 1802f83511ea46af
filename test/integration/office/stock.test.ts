/**
 * Stock on the real core and a real SQLite file: goods receipts, adjustments, sales completed at the
 * counter and returns of an item, checked against the ledger (the movements sum to the stock shown);
 * the sale's movement written in the completion's transaction; one movement per sale and product.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  InventoryValuation,
  LowStockList,
  StockChange,
  StockMovementsPage,
} from '../../../app/domain/office/stock';
import { SqliteAuditLog } from '../../../app/infra/db/audit.repo';
import { SqliteStockRepo } from '../../../app/infra/db/office/stock/stock.repo';
import { StockService } from '../../../app/services/office/stock/stock.service';
import { DEMO_USERS } from '../../support/sign-in';
import { stockCore, type StockCore } from '../../support/office/stock-core';

let h: StockCore | undefined;
afterEach(() => {
  h?.core.close();
  h = undefined;
});

/** The stock service on the core's own connection, for restoreForReturn (no channel until returns by item). */
function stockService(s: StockCore): StockService {
  return new StockService({
    repo: new SqliteStockRepo(s.db),
    audit: new SqliteAuditLog(s.db),
    clock: s.clock,
    manager: () => DEMO_USERS.manager.id,
  });
}

/** A refund row for a sale's first payment, as the refunds area writes it (the ledger's refund_id points at it). */
function refundRow(s: StockCore, saleId: number, amount: number): number {
  const paymentId = s.db
    .prepare<[number], { id: number }>(`SELECT id FROM payments WHERE sale_id = ? ORDER BY id LIMIT 1`)
    .get(saleId)!.id;
  return Number(
    s.db
      .prepare(
        `INSERT INTO refunds (payment_id, amount_centavos, kind, status, reference, requested_by, requested_at,
                              sent_at, updated_at)
         VALUES (?, ?, 'void', 'confirmed', ?, 2, ?, ?, ?)`,
      )
      .run(paymentId, amount, `test-refund-${saleId}-${amount}`, s.clock.at, s.clock.at, s.clock.at)
      .lastInsertRowid,
  );
}

const ledgerSum = (s: StockCore, productId: number) =>
  s.db
    .prepare<[number], { total: number }>(
      `SELECT COALESCE(SUM(quantity_milli), 0) AS total FROM stock_movements WHERE product_id = ?`,
    )
    .get(productId)!.total;

describe('stock', () => {
  it('sale, refund (restoreForReturn), entry and adjustment movements sum to the shown stock', async () => {
    h = await stockCore();
    const s = h;
    const cola = s.productId('BEB-001'); // $20.00, 16 % IVA, Bebidas
    s.setProduct('BEB-001', { track: true, min: 5_000 });

    const received = await s.call<StockChange>('office.stock.receive', {
      productId: cola,
      quantity: 24_000,
      unitCost: 1_150,
      note: 'Factura A-17',
    });
    expect(received.product).toMatchObject({ stock: 24_000, cost: 1_150 });
    expect(received.movement).toMatchObject({ kind: 'receipt', quantity: 24_000, note: 'Factura A-17' });
    s.tick();

    const saleId = await s.cashSale({ 'BEB-001': 3, 'BEB-002': 1 }); // BEB-002 does not track stock
    const line = s.db
      .prepare<[number, number], { id: number; unit_cost_centavos: number | null; department: string }>(
        `SELECT id, unit_cost_centavos, department FROM sale_lines WHERE sale_id = ? AND product_id = ?`,
      )
      .get(saleId, cola)!;
    // The line copied the product's cost and department when it was added.
    expect(line).toMatchObject({ unit_cost_centavos: 1_150, department: 'Bebidas' });
    s.tick();

    const refundId = refundRow(s, saleId, 2_000);
    const restored = stockService(s).restoreForReturn(line.id, 1_000, refundId);
    expect(restored.ok && restored.value?.movement).toMatchObject({
      kind: 'refund',
      quantity: 1_000,
      refundId,
    });
    // Only what the sale took can come back: 2 of the 3 are left.
    const tooMany = stockService(s).restoreForReturn(line.id, 3_000, refundId);
    expect(tooMany.ok ? null : tooMany.error.code).toBe('conflict');
    s.tick();

    const shrink = await s.call<StockChange>('office.stock.adjust', {
      productId: cola,
      reason: 'shrinkage',
      delta: -2_000,
      note: 'Botellas rotas',
    });
    expect(shrink.movement).toMatchObject({ adjustmentReason: 'shrinkage', note: 'Botellas rotas' });
    s.tick();
    const counted = await s.call<StockChange>('office.stock.adjust', {
      productId: cola,
      reason: 'count',
      counted: 19_000,
    });
    // 24 − 3 + 1 − 2 = 20 before the count; the count of 19 writes −1.
    expect(counted.movement.quantity).toBe(-1_000);

    const page = await s.call<StockMovementsPage>('office.stock.movements', { productId: cola });
    expect(page.movements.map((m) => [m.kind, m.quantity, m.stockAfter])).toEqual([
      ['adjustment', -1_000, 19_000],
      ['adjustment', -2_000, 20_000],
      ['refund', 1_000, 22_000],
      ['sale', -3_000, 21_000],
      ['receipt', 24_000, 24_000],
    ]);
    expect(page.movements.find((m) => m.kind === 'sale')).toMatchObject({
      saleId,
      userName: 'Luis Hernández',
    });
    expect(page.product.stock).toBe(19_000);
    expect(ledgerSum(s, cola)).toBe(19_000);
    // An untracked product took nothing.
    expect(ledgerSum(s, s.productId('BEB-002'))).toBe(0);

    // Paging: two at a time, and the running stock carries across pages.
    const first = await s.call<StockMovementsPage>('office.stock.movements', { productId: cola, limit: 2 });
    const second = await s.call<StockMovementsPage>('office.stock.movements', {
      productId: cola,
      limit: 2,
      before: first.nextBefore,
    });
    expect(second.movements.map((m) => m.stockAfter)).toEqual([22_000, 21_000]);
    const third = await s.call<StockMovementsPage>('office.stock.movements', {
      productId: cola,
      limit: 2,
      before: second.nextBefore,
    });
    expect(third.movements.map((m) => m.kind)).toEqual(['receipt']);
    expect(third.nextBefore).toBeNull();

    const valuation = await s.call<InventoryValuation>('office.stock.valuation', {});
    // 19 × $11.50 = $218.50.
    expect(valuation.valued).toEqual([
      expect.objectContaining({ productId: cola, stock: 19_000, value: 21_850 }),
    ]);
    expect(valuation.total).toBe(21_850);

    const audit = s.db
      .prepare<[], { action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'stock.%' ORDER BY id`)
      .all()
      .map((r) => r.action);
    expect(audit).toEqual(['stock.received', 'stock.adjusted', 'stock.adjusted']);
  });

  it('low stock and valuation show negative stock and unknown cost apart; adjustments need a reason', async () => {
    h = await stockCore();
    const s = h;
    s.setProduct('BEB-001', { track: true, min: 2_000 });
    s.setProduct('BEB-004', { track: true, min: 5_000, cost: 700 });
    s.setProduct('LAC-001', { track: true, cost: null });
    await s.call('office.stock.receive', {
      productId: s.productId('BEB-004'),
      quantity: 6_000,
      unitCost: 700,
    });
    await s.call('office.stock.receive', {
      productId: s.productId('LAC-001'),
      quantity: 3_000,
      unitCost: 2_000,
    });
    // The receipt gave LAC-001 a cost; clear it again (as a catalog import could) to see "unknown cost".
    s.setProduct('LAC-001', { cost: null });
    await s.cashSale({ 'BEB-001': 2, 'BEB-004': 2 }); // BEB-001 goes to −2: the counter never blocks

    const low = await s.call<LowStockList>('office.stock.lowStock', {});
    expect(low.items.map((i) => [i.sku, i.stock, i.negative, i.shortBy])).toEqual([
      ['BEB-001', -2_000, true, 4_000],
      ['BEB-004', 4_000, false, 1_000],
    ]);
    const valuation = await s.call<InventoryValuation>('office.stock.valuation', {});
    expect(valuation.valued.map((v) => [v.sku, v.value])).toEqual([['BEB-004', 2_800]]);
    expect(valuation.unknownCost.map((v) => v.sku)).toEqual(['LAC-001']);
    expect(valuation.negative.map((v) => v.sku)).toEqual(['BEB-001']);
    expect(valuation.total).toBe(2_800);

    const noNote = await s.core.dispatch('office.stock.adjust', {
      productId: s.productId('BEB-004'),
      reason: 'other',
      delta: 1_000,
    });
    expect(noNote.ok ? null : noNote.error.code).toBe('validation_failed');
    const both = await s.core.dispatch('office.stock.adjust', {
      productId: s.productId('BEB-004'),
      reason: 'count',
      delta: 1_000,
      counted: 3_000,
    });
    expect(both.ok ? null : both.error.code).toBe('validation_failed');
    const untracked = await s.core.dispatch('office.stock.receive', {
      productId: s.productId('BEB-002'),
      quantity: 1_000,
      unitCost: 100,
    });
    expect(untracked.ok ? null : untracked.error.code).toBe('conflict');
  });

  it('a failing movement rolls the completion back: no completed sale without its movement', async () => {
    h = await stockCore();
    const s = h;
    const cola = s.productId('BEB-001');
    s.setProduct('BEB-001', { track: true });
    // A second connection makes the ledger refuse sale movements, as a full disk or a bug would.
    const other = new BetterSqlite3(s.core.databaseFile);
    other.exec(`CREATE TRIGGER test_refuse_sale BEFORE INSERT ON stock_movements WHEN NEW.kind = 'sale'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;`);
    const cart = await s.call<{ saleId: number; totals: { total: number } }>('sales.cart.addProduct', {
      productId: cola,
      quantity: 2,
    });
    const paid = await s.core.dispatch('payments.cash.pay', { tendered: cart.totals.total });
    expect(paid.ok ? null : paid.error.code).toBe('internal');
    const status = () =>
      s.db.prepare<[number], { status: string }>(`SELECT status FROM sales WHERE id = ?`).get(cart.saleId)!
        .status;
    expect(status()).toBe('open');
    expect(ledgerSum(s, cola)).toBe(0);
    expect(s.db.prepare(`SELECT stock_milli FROM products WHERE id = ?`).pluck().get(cola)).toBe(0);
    other.exec(`DROP TRIGGER test_refuse_sale`);
    other.close();
  });

  it('takes stock once per sale and product, however often completion is retried', async () => {
    h = await stockCore();
    const s = h;
    const cola = s.productId('BEB-001');
    s.setProduct('BEB-001', { track: true });
    const saleId = await s.cashSale({ 'BEB-001': 2 });
    const repo = new SqliteStockRepo(s.db);
    repo.takeForSale(saleId, null, s.clock.now());
    repo.takeForSale(saleId, null, s.clock.now());
    expect(ledgerSum(s, cola)).toBe(-2_000);
    // And the schema itself refuses a second sale movement of the same product (migration 012).
    expect(() =>
      s.db
        .prepare(
          `INSERT INTO stock_movements (product_id, kind, quantity_milli, sale_id, at) VALUES (?, 'sale', -1000, ?, 0)`,
        )
        .run(cola, saleId),
    ).toThrow(/UNIQUE/);
    // The ledger is append-only.
    expect(() => s.db.prepare(`DELETE FROM stock_movements`).run()).toThrow(/append-only/);
  });
});
