/**
 * Productos in the office through the real core on a real SQLite file: add, edit, reprice,
 * deactivate (never delete), list filters, barcode rules, and the audit of every price change and
 * deactivation with before and after.
 */
import { describe, expect, it } from 'vitest';
import type { ProductRecord } from '../../../app/domain/products/product-record';
import type { ProductPage } from '../../../app/domain/products/products-admin';
import { managerCore } from '../../support/office/products-harness';
import { signInDemoCashier } from '../../support/sign-in';

const NEW_PRODUCT = {
  sku: 'TOR-001',
  name: 'Tortilla de maíz',
  barcodes: ['7501234567893', 'TORT-KG'],
  price: 2200,
  iva: { kind: 'rate', rateBp: 0 },
  department: 'Tortillería',
  unit: 'kg',
  soldByWeight: true,
  cost: 1500,
  trackStock: true,
  minStock: 5000,
} as const;

describe('office products', () => {
  it('creates, edits and reprices a product, auditing the price before and after', async () => {
    const { call, query } = await managerCore();
    const created = await call<ProductRecord>('office.products.save', NEW_PRODUCT);
    expect(created).toMatchObject({
      ...NEW_PRODUCT,
      barcodes: [...NEW_PRODUCT.barcodes],
      stock: 0,
      active: true,
    });
    // The counter finds it by either code, and by its name without accents.
    const scanned = await call<{ sku: string }[]>('catalog.products.search', { text: 'tortilla de maiz' });
    expect(scanned.map((p) => p.sku)).toEqual(['TOR-001']);

    const repriced = await call<ProductRecord>('office.products.save', {
      ...NEW_PRODUCT,
      id: created.id,
      price: 2400,
    });
    expect(repriced.price).toBe(2400);
    await call('office.products.save', { ...NEW_PRODUCT, id: created.id, price: 2400, name: 'Tortilla' });
    const audit = query<{ action: string; subject: string; details: string }>(
      `SELECT action, subject, details FROM audit_log WHERE action LIKE 'product.%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['product.created', 'product.price_changed']);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({
      before: { price: 2200 },
      after: { price: 2400 },
      via: 'office',
    });
    expect(audit[1]!.subject).toBe(`product:${created.id}`);
  });

  it('deactivates and reactivates (there is no delete), audited; the counter no longer finds it', async () => {
    const { call, query, core } = await managerCore();
    const page = await call<ProductPage>('office.products.list', { text: 'BEB-001' });
    const product = page.items[0]!;
    const off = await call<ProductRecord>('office.products.setActive', { id: product.id, active: false });
    expect(off.active).toBe(false);
    expect((await core.dispatch('sales.cart.scan', { code: 'BEB-001' })).ok).toBe(false);
    expect((await call<ProductPage>('office.products.list', { text: 'BEB-001' })).total).toBe(0);
    expect(
      (await call<ProductPage>('office.products.list', { text: 'BEB-001', active: 'inactive' })).total,
    ).toBe(1);
    await call('office.products.setActive', { id: product.id, active: true });
    const audit = query<{ action: string; details: string }>(
      `SELECT action, details FROM audit_log WHERE action IN ('product.deactivated', 'product.reactivated') ORDER BY id`,
    );
    expect(audit.map((a) => [a.action, JSON.parse(a.details)])).toEqual([
      ['product.deactivated', { sku: 'BEB-001', before: { active: true }, after: { active: false } }],
      ['product.reactivated', { sku: 'BEB-001', before: { active: false }, after: { active: true } }],
    ]);
  });

  it('refuses a barcode another product holds, naming it, and a wrong check digit per field', async () => {
    const { call, core } = await managerCore();
    const [first] = (await call<ProductPage>('office.products.list', { text: 'BEB-001' })).items;
    const taken = await core.dispatch('office.products.save', {
      ...NEW_PRODUCT,
      barcodes: [first!.barcodes[0]],
    });
    expect(taken.ok).toBe(false);
    if (taken.ok) return;
    expect(taken.error.code).toBe('conflict');
    expect(taken.error.message).toContain(first!.name);
    const bad = await core.dispatch('office.products.save', {
      ...NEW_PRODUCT,
      barcodes: ['7501234567890'],
      sku: '',
    });
    expect(!bad.ok && bad.error.issues?.map((i) => i.path)).toEqual(['sku', 'barcodes.0']);
    const sku = await core.dispatch('office.products.save', { ...NEW_PRODUCT, sku: 'beb-001', barcodes: [] });
    expect(!sku.ok && sku.error.code).toBe('conflict');
  });

  it('filters by department and low stock, pages, and lists departments', async () => {
    const { call } = await managerCore();
    await call('office.products.save', NEW_PRODUCT);
    const low = await call<ProductPage>('office.products.list', { lowStock: true });
    expect(low.items.map((p) => p.sku)).toEqual(['TOR-001']); // tracked, 0 under a minimum of 5
    const drinks = await call<ProductPage>('office.products.list', { department: 'Bebidas', limit: 2 });
    expect(drinks.items).toHaveLength(2);
    expect(drinks.total).toBeGreaterThan(2);
    const next = await call<ProductPage>('office.products.list', {
      department: 'Bebidas',
      limit: 2,
      offset: 2,
    });
    expect(next.items[0]!.id).not.toBe(drinks.items[0]!.id);
    const departments = await call<{ name: string; productCount: number }[]>(
      'office.products.departments',
      {},
    );
    expect(departments).toContainEqual({ name: 'Tortillería', productCount: 1 });
  });

  it('keeps the counter search index in step with renames and barcodes', async () => {
    const { call } = await managerCore();
    const created = await call<ProductRecord>('office.products.save', NEW_PRODUCT);
    const search = async (text: string) =>
      (await call<{ sku: string }[]>('catalog.products.search', { text })).map((p) => p.sku);
    expect(await search('567893')).toEqual(['TOR-001']);
    await call('office.products.save', {
      ...NEW_PRODUCT,
      id: created.id,
      name: 'Totopos caseros',
      barcodes: ['TORT-KG', '96385074'],
    });
    expect(await search('tortilla de')).toEqual([]);
    expect(await search('567893')).toEqual([]);
    expect(await search('totopos cas')).toEqual(['TOR-001']);
    expect(await search('638507')).toEqual(['TOR-001']);
    expect(await search('tor-00')).toEqual(['TOR-001']);
  });

  it('is for managers only', async () => {
    const { core } = await managerCore();
    await core.dispatch('session.signOut', {});
    await signInDemoCashier(core);
    const reply = await core.dispatch('office.products.list', {});
    expect(!reply.ok && reply.error.code).toBe('forbidden');
  });
});
