/**
 * Issue 13: the demo and the real store kept apart (see [Note: demo and real store]). A real data
 * directory, real SQLite files, the store host both shells use, driven through its dispatch.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../app/api/contract';
import type { StoreSetupInput } from '../../../app/domain/store-setup';
import type { UserSummary } from '../../../app/domain/session';
import type { Product } from '../../../app/domain/catalog';
import type { DailyReport } from '../../../app/domain/office/reports';
import { createCore } from '../../../app/host/create-core';
import { startStoreHost, type StoreHost } from '../../../app/host/store-host';
import { currentStore, STORE_POINTER_FILE, StorePointerError } from '../../../app/host/store-location';
import { SqliteCatalogRepo } from '../../../app/infra/db/catalog.repo';
import { openDatabase } from '../../../app/infra/db/open-database';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

const SETUP: StoreSetupInput = {
  store: {
    name: 'Abarrotes Don Pepe',
    rfc: 'GOMM800101AB1',
    address: 'Av. Revolución 100, Tijuana',
    timeZone: 'America/Tijuana',
  },
  manager: { name: 'Pepe Gómez', pin: '482615' },
};

let host: StoreHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function call<T>(h: StoreHost, channel: string, args: unknown): Promise<T> {
  const reply = await h.core.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function start(dataDir: string, now?: () => number): Promise<StoreHost> {
  host = await startStoreHost({
    dataDir,
    shell: 'web',
    logger: recordingLogger().logger,
    ...(now ? { clock: { now } } : {}),
  });
  return host;
}

const signInDemoManager = (h: StoreHost) => call(h, 'session.signIn', { userId: 2, pin: '9999' });

describe('a fresh data directory', () => {
  it('opens the demo with no configuration and writes the pointer', async () => {
    const dir = freshDataDir('caja-store-');
    const h = await start(dir);
    expect(h.kind()).toBe('demo');
    const info = await call<AppInfo>(h, 'app.info.get', {});
    expect(info.store).toEqual({ kind: 'demo', realExists: false, timeZone: 'America/Mexico_City' });
    expect(info.environment).toBe('demo');
    expect(JSON.parse(readFileSync(join(dir, STORE_POINTER_FILE), 'utf8'))).toEqual({
      version: 1,
      current: 'demo',
      stores: { demo: '.' },
    });
  });
});

describe('the first-run wizard', () => {
  it("needs the demo's manager, refuses a bad RFC without leaving anything behind", async () => {
    const dir = freshDataDir('caja-store-');
    const h = await start(dir);
    const anonymous = await h.core.dispatch('store.setup.create', SETUP);
    expect(anonymous.ok ? 'ok' : anonymous.error.code).toBe('session_required');
    await call(h, 'session.signIn', { userId: 1, pin: '1111' });
    const cashier = await h.core.dispatch('store.setup.create', SETUP);
    expect(cashier.ok ? 'ok' : cashier.error.code).toBe('forbidden');
    await signInDemoManager(h);
    const bad = await h.core.dispatch('store.setup.create', {
      ...SETUP,
      store: { ...SETUP.store, rfc: 'hola' },
    });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('validation_failed');
    expect(existsSync(join(dir, 'stores', 'real'))).toBe(false);
    expect(h.kind()).toBe('demo');
  });

  it('creates an empty real store, opens it, and switching back and forth keeps both apart', async () => {
    const dir = freshDataDir('caja-store-');
    const h = await start(dir);
    const switched: string[] = [];
    h.core.events.subscribe(({ event, payload }) => {
      if (event === 'app.store.switched') switched.push((payload as { kind: string }).kind);
    });
    await signInDemoManager(h);
    // A demo sale, so "demo sales never appear in the real books" has something to prove.
    await call(h, 'sales.cart.scan', { code: 'LIM-003' });
    await call(h, 'payments.cash.pay', { tendered: 100_000 });
    const created = await call<{ kind: string }>(h, 'store.setup.create', SETUP);
    expect(created.kind).toBe('real');
    expect(switched).toEqual(['real']);
    expect(h.kind()).toBe('real');

    // Nothing of the demo: one user (the new manager), no product, no terminal, no sale, no simulator.
    const info = await call<AppInfo>(h, 'app.info.get', {});
    expect(info.store).toEqual({ kind: 'real', realExists: true, timeZone: 'America/Tijuana' });
    expect(info.storeName).toBe('Abarrotes Don Pepe');
    expect(info.environment).toBe('dev');
    expect(info.demoTerminalUrl).toBeNull();
    const users = await call<UserSummary[]>(h, 'session.users.list', {});
    expect(users.map((u) => u.name)).toEqual(['Pepe Gómez']);
    expect(await call<Product[]>(h, 'catalog.products.search', { text: '' })).toEqual([]);
    expect(await call<unknown[]>(h, 'terminals.list', {})).toEqual([]);
    const real = openDatabase(currentStore(dir).databaseFile);
    try {
      const count = (table: string) =>
        (real.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect([count('products'), count('sales'), count('payments')]).toEqual([0, 0, 0]);
      const demoRows = real.prepare(`SELECT key FROM settings WHERE key LIKE 'demo.%'`).all();
      expect(demoRows).toEqual([]);
    } finally {
      real.close();
    }

    // The new PIN signs in; the demo's do not exist here.
    const manager = users[0]!;
    const wrong = await h.core.dispatch('session.signIn', { userId: manager.id, pin: '9999' });
    expect(wrong.ok).toBe(false);
    await call(h, 'session.signIn', { userId: manager.id, pin: '482615' });

    // Back to the demo for training: its users and sale are there, untouched.
    await call(h, 'store.switch', { to: 'demo' });
    expect(h.kind()).toBe('demo');
    const demoUsers = await call<UserSummary[]>(h, 'session.users.list', {});
    expect(demoUsers.map((u) => u.name)).toEqual(['Ana López', 'Luis Hernández']);
    await signInDemoManager(h);
    await call(h, 'store.switch', { to: 'real' });
    expect(switched).toEqual(['real', 'demo', 'real']);
    expect((await call<UserSummary[]>(h, 'session.users.list', {})).map((u) => u.name)).toEqual([
      'Pepe Gómez',
    ]);

    // A second real store is refused; the pointer survives a restart.
    await h.close();
    host = undefined;
    const again = await start(dir);
    expect(again.kind()).toBe('real');
  });

  it('refuses to switch while a card payment is in flight, in Spanish', async () => {
    const dir = freshDataDir('caja-store-');
    const h = await start(dir);
    await signInDemoManager(h);
    await call(h, 'store.setup.create', SETUP);
    await call(h, 'session.signIn', { userId: 1, pin: '482615' });
    await call(h, 'store.switch', { to: 'demo' });
    await signInDemoManager(h);
    await call(h, 'sales.cart.scan', { code: 'LIM-003' });
    // The demo's virtual terminal waits for a tap: the payment stays in flight.
    await call(h, 'payments.card.start', {});
    const refused = await h.core.dispatch('store.switch', { to: 'real' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('conflict');
      expect(refused.error.message).toMatch(
        /No se puede cambiar de tienda: hay un cobro con tarjeta en curso/,
      );
    }
    expect(h.kind()).toBe('demo');
  });
});

/** The wizard's Tijuana store with one product (AGUA-1, $15.00), its manager signed in, on a movable clock. */
async function tijuanaStoreSellingWater() {
  const dir = freshDataDir('caja-store-');
  let now = Date.UTC(2026, 2, 8, 12);
  const h = await start(dir, () => now);
  await signInDemoManager(h);
  await call(h, 'store.setup.create', SETUP);
  const real = openDatabase(currentStore(dir).databaseFile);
  const water = { sku: 'AGUA-1', barcode: null, name: 'Agua 1 l', price: 1500, ivaRateBp: 0 };
  new SqliteCatalogRepo(real).insertMany([{ ...water, category: 'Bebidas', active: true }], now);
  real.close();
  await call(h, 'session.signIn', { userId: 1, pin: '482615' });
  return { h, at: (instant: number) => (now = instant) };
}

describe('the store time zone', () => {
  it("puts a Tijuana payment at 23:30 local on a US DST day on that store day's Z report", async () => {
    // 2026-03-08 23:30 in Tijuana (PDT, UTC−7) is 2026-03-09 00:30 in Mexico City.
    const { h, at } = await tijuanaStoreSellingWater();
    at(Date.UTC(2026, 2, 9, 6, 30));
    await call(h, 'sales.cart.scan', { code: 'AGUA-1' });
    await call(h, 'payments.cash.pay', { tendered: 2000 });
    const day = await call<DailyReport>(h, 'office.reports.daily', { day: '2026-03-08' });
    const next = await call<DailyReport>(h, 'office.reports.daily', { day: '2026-03-09' });
    expect(day.totals.count).toBe(1);
    expect(next.totals.count).toBe(0);
    expect(day.to - day.from).toBe(23 * 3_600_000);
  });

  it('a real store refuses the demo environment, and its time zone can change after the wizard', async () => {
    const { h, at } = await tijuanaStoreSellingWater();
    const demo = await h.core.dispatch('office.settings.environment.set', { environment: 'demo' });
    expect(demo.ok ? null : demo.error.issues?.[0]?.message).toBe('demo_in_real_store');
    expect(await call(h, 'office.settings.get', {})).toMatchObject({
      environment: { running: 'dev', configured: 'dev' },
      timeZone: 'America/Tijuana',
    });

    // 2026-03-09 06:30 UTC: 23:30 of the 8th in Tijuana, 00:30 of the 9th in Mexico City.
    at(Date.UTC(2026, 2, 9, 6, 30));
    await call(h, 'sales.cart.scan', { code: 'AGUA-1' });
    await call(h, 'payments.cash.pay', { tendered: 2000 });
    const countOn = async (day: string) =>
      (await call<DailyReport>(h, 'office.reports.daily', { day })).totals.count;
    expect([await countOn('2026-03-08'), await countOn('2026-03-09')]).toEqual([1, 0]);
    await call(h, 'office.settings.timeZone.set', { timeZone: 'America/Mexico_City' });
    expect((await call<AppInfo>(h, 'app.info.get', {})).store.timeZone).toBe('America/Mexico_City');
    expect([await countOn('2026-03-08'), await countOn('2026-03-09')]).toEqual([0, 1]);
    const bad = await h.core.dispatch('office.settings.timeZone.set', { timeZone: 'Europe/Madrid' });
    expect(bad.ok ? null : bad.error.code).toBe('validation_failed');
  });
});

describe('the pointer file', () => {
  it('a corrupt pointer stops the start with a clear message and touches nothing', async () => {
    const dir = freshDataDir('caja-store-');
    const h = await start(dir);
    await h.close();
    host = undefined;
    const database = readFileSync(join(dir, 'caja.sqlite'));
    writeFileSync(join(dir, STORE_POINTER_FILE), '{"version":1,"current":"real","stores":{"demo":"."}}');
    await expect(start(dir)).rejects.toThrow(StorePointerError);
    await expect(start(dir)).rejects.toThrow(/current-store\.json .* no es válido .*no se borró nada/);
    writeFileSync(join(dir, STORE_POINTER_FILE), 'not json');
    expect(() => currentStore(dir)).toThrow(/no es JSON/);
    writeFileSync(
      join(dir, STORE_POINTER_FILE),
      '{"version":1,"current":"demo","stores":{"demo":"../elsewhere"}}',
    );
    expect(() => currentStore(dir)).toThrow(StorePointerError);
    expect(readFileSync(join(dir, STORE_POINTER_FILE), 'utf8')).toContain('../elsewhere');
    expect(readFileSync(join(dir, 'caja.sqlite')).equals(database)).toBe(true);
  });

  it('an older demo database keeps opening as the demo; one with its own users is the real store', async () => {
    const demoDir = freshDataDir('caja-store-');
    createCore({ dataDir: demoDir, shell: 'web', logger: recordingLogger().logger }).close();
    expect((await start(demoDir)).kind()).toBe('demo');
    await host?.close();
    host = undefined;
    const ownDir = freshDataDir('caja-store-');
    const core = createCore({ dataDir: ownDir, shell: 'web', logger: recordingLogger().logger });
    await core.dispatch('session.signIn', { userId: 2, pin: '9999' });
    const added = await core.dispatch('office.users.add', {
      name: 'Rosa',
      role: 'cashier',
      pin: '5555',
    });
    expect(added.ok).toBe(true);
    core.close();
    expect((await start(ownDir)).kind()).toBe('real');
  });

  it('an existing live store keeps opening as it is, as the real store; the demo opens beside it', async () => {
    const dir = freshDataDir('caja-store-');
    const core = createCore({ dataDir: dir, shell: 'web', logger: recordingLogger().logger });
    core.settings.setPublic('kushki.environment', 'live', Date.now());
    core.close();
    const h = await start(dir);
    expect(h.kind()).toBe('real');
    expect(currentStore(dir).dir).toBe(dir);
    // Its (demo-seeded, old-style) users are its own: the manager switches to a fresh demo.
    await signInDemoManager(h);
    await call(h, 'store.switch', { to: 'demo' });
    expect(currentStore(dir).dir).toBe(join(dir, 'stores', 'demo'));
    const info = await call<AppInfo>(h, 'app.info.get', {});
    expect(info.environment).toBe('demo');
  });
});
