/**
 * Weighed and open-price lines (issue 14, items 4 and 5) on the real core: typed weights, scale
 * labels under the default layouts, open-price items with the manager's approval above the limit,
 * then the money (cart totals, the cash payment), the stock ledger, the receipt and the Z report's
 * product rows. Every figure worked out by hand from the demo prices; see [Note: weighed line money].
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyReport } from '../../../app/domain/office/reports';
import type { Receipt } from '../../../app/domain/receipt';
import type { Cart } from '../../../app/domain/sale';
import { ean13CheckDigit } from '../../../app/domain/ean13';
import { DEMO_USERS } from '../../support/sign-in';
import { stockCore, type StockCore } from '../../support/office/stock-core';

const label = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;
let s: StockCore;

beforeAll(async () => {
  s = await stockCore();
  // GRA-001 Manzana roja a granel, $44.90/kg (PLU 00101); GRA-003 Queso Oaxaca, $169.90/kg (PLU 00103).
  s.setProduct('GRA-001', { track: true, cost: 1_500 });
});
afterAll(() => s.core.close());

const signIn = async (user: { id: number; pin: string }) => {
  const reply = await s.core.dispatch('session.signIn', { userId: user.id, pin: user.pin });
  if (!reply.ok) throw new Error(reply.error.code);
};

describe('lines sold by weight', () => {
  let sale: Cart;

  it('adds a typed weight as its own line, priced per line half up', async () => {
    // 0.755 kg × $44.90 = $33.8995 → $33.90
    const cart = await s.call<Cart>('sales.cart.addWeighed', {
      productId: s.productId('GRA-001'),
      grams: 755,
    });
    expect(cart.lines).toEqual([
      expect.objectContaining({
        sku: 'GRA-001',
        quantity: 1,
        quantityMilli: 755,
        unit: 'kg',
        gross: 3390,
        iva: 0,
      }),
    ]);
    // A second weighing of the same product is a second line, never merged.
    const again = await s.call<Cart>('sales.cart.addWeighed', {
      productId: s.productId('GRA-001'),
      grams: 250,
    });
    expect(again.lines.map((l) => l.quantityMilli)).toEqual([755, 250]);
    expect(again.lines[1]?.gross).toBe(1123); // 0.250 × $44.90 = $11.225 → $11.23 (half a centavo up)
  });

  it('reads a weight label and a price label by PLU', async () => {
    // 23 + PLU 00103 + 01.250 kg: 1.250 × $169.90 = $212.375 → $212.38.
    const byWeight = await s.call<{ cart: Cart }>('sales.cart.scan', { code: label('230010301250') });
    expect(byWeight.cart.lines.at(-1)).toEqual(
      expect.objectContaining({ sku: 'GRA-003', quantityMilli: 1250, gross: 21_238 }),
    );
    // 20 + PLU 00103 + $85.00: the label's price is the amount; the weight is 8500 / 16990 kg = 0.500.
    const byPrice = await s.call<{ cart: Cart }>('sales.cart.scan', { code: label('200010308500') });
    expect(byPrice.cart.lines.at(-1)).toEqual(
      expect.objectContaining({ sku: 'GRA-003', quantityMilli: 500, labelAmount: 8_500, gross: 8_500 }),
    );
    sale = byPrice.cart;
    expect(sale.totals.total).toBe(3390 + 1123 + 21_238 + 8_500);
  });

  it('asks for the weight when a weighed product is scanned by its own code, and refuses pieces', async () => {
    const reply = await s.call<{ cart: Cart; needsWeight?: boolean }>('sales.cart.scan', { code: '00101' });
    expect(reply.needsWeight).toBe(true);
    expect(reply.cart.lines).toHaveLength(4);
    const pieces = await s.core.dispatch('sales.cart.addProduct', { productId: s.productId('GRA-001') });
    expect(pieces).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const count = await s.core.dispatch('sales.cart.setQuantity', {
      lineId: reply.cart.lines[0]!.id,
      quantity: 2,
    });
    expect(count).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('refuses a label with a wrong check digit, a PLU nobody has, and a weight out of range', async () => {
    const good = label('230010301250');
    const bad = `${good.slice(0, 12)}${(Number(good.at(-1)) + 1) % 10}`;
    expect(await s.core.dispatch('sales.cart.scan', { code: bad })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await s.core.dispatch('sales.cart.scan', { code: label('230999901250') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await s.core.dispatch('sales.cart.addWeighed', { productId: s.productId('GRA-001'), grams: 1_000_000 }),
    ).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});

describe('open-price items', () => {
  it('adds one under the limit with the default name, IVA chosen', async () => {
    const cart = await s.call<Cart>('sales.cart.addOpenPrice', {
      price: 4_500,
      iva: { kind: 'rate', rateBp: 1600 },
    });
    expect(cart.lines.at(-1)).toEqual(
      expect.objectContaining({
        productId: null,
        name: 'Artículo común',
        openPrice: true,
        gross: 4_500,
        iva: 621,
      }),
    );
    const exempt = await s.call<Cart>('sales.cart.addOpenPrice', {
      name: 'Servicio de copias',
      price: 300,
      iva: { kind: 'exempt' },
    });
    expect(exempt.lines.at(-1)).toEqual(
      expect.objectContaining({ name: 'Servicio de copias', ivaRateBp: 0, ivaExempt: true, iva: 0 }),
    );
  });

  it('needs a manager above the limit: a cashier gets forbidden, then the PIN approves', async () => {
    await signIn(DEMO_USERS.cashier);
    const refused = await s.core.dispatch('sales.cart.addOpenPrice', {
      price: 60_000,
      iva: { kind: 'rate', rateBp: 1600 },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrongPin = await s.core.dispatch('sales.cart.addOpenPrice', {
      price: 60_000,
      iva: { kind: 'rate', rateBp: 1600 },
      managerPin: DEMO_USERS.cashier.pin,
    });
    expect(wrongPin.ok).toBe(false);
    const approved = await s.call<Cart>('sales.cart.addOpenPrice', {
      price: 60_000,
      iva: { kind: 'rate', rateBp: 1600 },
      managerPin: DEMO_USERS.manager.pin,
    });
    expect(approved.lines.at(-1)).toEqual(expect.objectContaining({ openPrice: true, gross: 60_000 }));
    const stored = s.db
      .prepare(
        `SELECT open_price_approved_by AS by FROM sale_lines WHERE open_price = 1 ORDER BY id DESC LIMIT 1`,
      )
      .get() as { by: number };
    expect(stored.by).toBe(DEMO_USERS.manager.id);
    await signIn(DEMO_USERS.manager);
  });
});

describe('the completed sale', () => {
  let saleId = 0;

  it('is paid for its total, takes weighed stock in thousandths, and prints weights', async () => {
    const cart = await s.call<Cart>('sales.cart.get', {});
    saleId = cart.saleId;
    const total = 3390 + 1123 + 21_238 + 8_500 + 4_500 + 300 + 60_000;
    expect(cart.totals.total).toBe(total);
    expect(cart.totals.subtotal + cart.totals.iva).toBe(total);
    await s.call('payments.cash.pay', { tendered: total });
    // Manzana tracks stock: both weighings in one movement, −1.005 kg.
    const moves = s.db
      .prepare(`SELECT product_id, quantity_milli FROM stock_movements WHERE sale_id = ? AND kind = 'sale'`)
      .all(saleId);
    expect(moves).toEqual([{ product_id: s.productId('GRA-001'), quantity_milli: -1005 }]);
    const receipt = await s.call<Receipt>('sales.receipt.get', { saleId });
    expect(receipt.lines[0]).toEqual(
      expect.objectContaining({ quantityMilli: 755, unit: 'kg', gross: 3390 }),
    );
    expect(receipt.lines.filter((l) => l.openPrice).map((l) => l.name)).toEqual([
      'Artículo común',
      'Servicio de copias',
      'Artículo común',
    ]);
  });

  it("shows kilograms and one row of open-price items in the Z report's product rows", async () => {
    const z = await s.call<DailyReport>('office.reports.daily', { day: '2026-11-23' });
    const bySku = new Map(z.products.byProduct.map((r) => [r.openPrice ? 'open' : r.sku, r]));
    // Manzana: $33.90 + $11.23; cost $15.00/kg × 0.755 = $11.325 → $11.33, × 0.250 = $3.75.
    expect(bySku.get('GRA-001')).toEqual(
      expect.objectContaining({ units: 0, weighedMilli: 1005, amount: 4_513, cost: 1_133 + 375 }),
    );
    expect(bySku.get('GRA-003')).toEqual(
      expect.objectContaining({ units: 0, weighedMilli: 1750, amount: 29_738 }),
    );
    expect(bySku.get('open')).toEqual(
      expect.objectContaining({
        productId: null,
        name: 'Artículo común',
        units: 3,
        amount: 64_800,
        cost: null,
      }),
    );
    expect(z.products.totals.amount).toBe(4_513 + 29_738 + 64_800);
    // The period report reads the hourly summary (013/014) and the open-price lines: the same figures.
    const period = await s.call<{ products: DailyReport['products'] }>('office.reports.period', {
      from: '2026-11-23',
      to: '2026-11-23',
    });
    expect(period.products).toEqual(z.products);
  });
});
