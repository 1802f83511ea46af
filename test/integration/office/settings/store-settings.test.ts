import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { SettingsOverview } from '../../../../app/domain/office/settings';
import type { Receipt } from '../../../../app/domain/receipt';
import { databaseFileIn } from '../../../../app/host/create-core';
import { managerCore } from './settings-core';

describe('store settings (real SQLite)', () => {
  const cores: { close(): void }[] = [];
  afterEach(() => cores.splice(0).forEach((core) => core.close()));

  it('refuses a malformed RFC, stores a valid one upper-cased, and prints the header on receipts', async () => {
    const { core, reply, call } = await managerCore();
    cores.push(core);
    const bad = await reply('office.settings.store.save', { name: 'Tienda', rfc: 'ABC12345', address: '' });
    expect(bad.ok ? null : bad.error.issues?.[0]?.message).toBe('rfc_shape');
    const badMonth = await reply('office.settings.store.save', {
      name: 'Tienda',
      rfc: 'ABC991399XY1',
      address: '',
    });
    expect(badMonth.ok).toBe(false);
    await call('office.settings.store.save', {
      name: 'Abarrotes Doña Mary',
      rfc: ' gomm800101ab1 ',
      address: 'Av. Juárez 12, CDMX',
    });
    await call('office.settings.receipt.save', { footer: '¡Vuelva pronto!', printOnTerminal: true });
    const overview = await call<SettingsOverview>('office.settings.get', {});
    expect(overview.store).toEqual({
      name: 'Abarrotes Doña Mary',
      rfc: 'GOMM800101AB1',
      address: 'Av. Juárez 12, CDMX',
    });
    expect(overview.receipt).toEqual({ footer: '¡Vuelva pronto!', printOnTerminal: true });

    // A cash sale: its receipt carries the header the manager set.
    await call('sales.cart.scan', { code: 'BEB-001' });
    await call('payments.cash.pay', { tendered: 100_000 });
    const [latest] = await call<{ saleId: number }[]>('sales.receipts.list', {});
    const receipt = await call<Receipt>('sales.receipt.get', { saleId: latest!.saleId });
    expect(receipt).toMatchObject({
      storeName: 'Abarrotes Doña Mary',
      storeRfc: 'GOMM800101AB1',
      storeAddress: 'Av. Juárez 12, CDMX',
      footer: '¡Vuelva pronto!',
    });
  });

  it('changes the cashier discount limit the counter enforces', async () => {
    const { core, call } = await managerCore();
    cores.push(core);
    await call('session.signIn', { userId: 1, pin: '1111' });
    const { cart } = await call<{ cart: { lines: { id: number }[] } }>('sales.cart.scan', {
      code: 'BEB-001',
    });
    const lineId = cart.lines[0]!.id;
    // At the default 10 %, a cashier's 20 % needs a manager.
    expect((await core.dispatch('sales.cart.setDiscount', { lineId, discountBp: 2000 })).ok).toBe(false);
    await call('session.signIn', { userId: 2, pin: '9999' });
    await call('office.settings.discountLimit.set', { discountLimitBp: 2500 });
    expect((await call<SettingsOverview>('office.settings.get', {})).discountLimitBp).toBe(2500);
    await call('session.signIn', { userId: 1, pin: '1111' });
    expect((await core.dispatch('sales.cart.setDiscount', { lineId, discountBp: 2000 })).ok).toBe(true);
  });

  it('switches to live only with the confirmation word, and only after a restart', async () => {
    const { core, dataDir, reply, call } = await managerCore();
    cores.push(core);
    const unconfirmed = await reply('office.settings.environment.set', { environment: 'live' });
    expect(unconfirmed.ok ? null : unconfirmed.error.code).toBe('forbidden');
    const wrongWord = await reply('office.settings.environment.set', { environment: 'live', confirm: 'yes' });
    expect(wrongWord.ok).toBe(false);
    const view = await call('office.settings.environment.set', {
      environment: 'live',
      confirm: 'PRODUCCIÓN',
    });
    expect(view).toEqual({ running: 'demo', configured: 'live', restartNeeded: true });
    // The running app still says demo (the banner must not lie); the next start reads live.
    expect(await call<{ environment: string }>('app.info.get', {})).toMatchObject({ environment: 'demo' });
    core.close();
    cores.length = 0;
    const next = await managerCore({ dataDir });
    cores.push(next.core);
    expect(await next.call<{ environment: string }>('app.info.get', {})).toMatchObject({
      environment: 'live',
    });
    const audit = new Database(databaseFileIn(dataDir), { readonly: true });
    const actions = audit
      .prepare(`SELECT action FROM audit_log WHERE action LIKE 'settings.%'`)
      .all()
      .map((r) => (r as { action: string }).action);
    audit.close();
    expect(actions).toEqual(['settings.environment.set']);
  });

  it('accepts a relay URL over TLS or loopback only', async () => {
    const { core, reply, call } = await managerCore();
    cores.push(core);
    const plain = await reply('office.settings.relay.save', {
      url: 'http://relay.example.test',
      storeId: 's1',
    });
    expect(plain.ok ? null : plain.error.issues?.[0]?.message).toBe('relay_url');
    await call('office.settings.relay.save', { url: 'wss://relay.example.test', storeId: 's1' });
    await call('office.settings.relay.save', { url: 'http://127.0.0.1:4020', storeId: 's1' });
    expect((await call<SettingsOverview>('office.settings.get', {})).relay).toEqual({
      url: 'http://127.0.0.1:4020',
      storeId: 's1',
    });
  });
});
