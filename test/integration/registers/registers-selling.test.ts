/**
 * Issue 17, deliverables 1 and 4, with real processes on 127.0.0.1: one store server web shell
 * (`--serve-registers`, its demo simulator and relay in-process) and two register web shells on
 * their own data directories, paired with `--join`. Needs `npm run build`.
 *
 * The two registers sell at once (card on two terminals of one simulator, settled by the webhook
 * through the relay and the server; then cash), both sales land in the server's book with their
 * register; a revoked register is refused; the server killed with SIGKILL mid-payment comes back
 * and the register finds the payment's true outcome after its link reconnects.
 */
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentDetail, PaymentView, CashResult } from '../../../app/domain/payment-view';
import type { ShellClient } from '../../support/shell-client';
import { DEMO_USERS } from '../../support/sign-in';
import { freshDataDir, joinWebShell } from '../../support/web-shell';
import {
  joinRegister,
  onScreen,
  simulator,
  startStoreServer,
  waitForLink,
  type JoinedRegister,
  type StoreServer,
} from '../../support/registers-fixture';

const SECOND_TERMINAL = 'CAJA02';
let server: StoreServer;
let a: JoinedRegister;
let b: JoinedRegister;

beforeAll(async () => {
  server = await startStoreServer();
  // A second virtual terminal, so both registers can have a card on screen at once.
  await simulator(server, 'POST', 'terminals', { serialNumber: SECOND_TERMINAL, behaviour: 'manual' });
  await server.page.value('office.terminals.add', { serial: SECOND_TERMINAL, label: 'Terminal 2' });
  a = await joinRegister(server, 'Caja 2');
  b = await joinRegister(server, 'Caja 3');
  await a.page.value('session.signIn', { userId: DEMO_USERS.cashier.id, pin: DEMO_USERS.cashier.pin });
  await b.page.value('session.signIn', { userId: DEMO_USERS.manager.id, pin: DEMO_USERS.manager.pin });
}, 120_000);

afterAll(async () => {
  for (const register of [a, b]) {
    register?.page.close();
    await register?.shell.stop();
  }
  server?.page.close();
  await server?.shell.stop();
});

function registerOfSale(saleId: number): number | undefined {
  const db = new BetterSqlite3(join(server.shell.dataDir, 'caja.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT register_id FROM sales WHERE id = ?').get(saleId) as
      { register_id: number } | undefined;
    return row?.register_id;
  } finally {
    db.close();
  }
}

/** Whether the server's demo simulator has saved a request with this reference to its state file. */
function simulatorStateHolds(dataDir: string, uniqueReference: string): boolean {
  const files = (readdirSync(dataDir, { recursive: true }) as string[]).filter((f) =>
    f.endsWith('simulator-state.json'),
  );
  return files.some((f) => readFileSync(join(dataDir, f), 'utf8').includes(uniqueReference));
}

function paymentsOnBook(): number {
  const db = new BetterSqlite3(join(server.shell.dataDir, 'caja.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM payments').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function waitForStatus(page: ShellClient, paymentId: number, status: string): Promise<void> {
  await page.waitForEvent(
    (e) =>
      e.event === 'payments.updated' &&
      (e.payload as PaymentView).id === paymentId &&
      (e.payload as PaymentView).status === status,
  );
}

async function approveOnScreen(serial: string): Promise<void> {
  let request: { uniqueReference: string } | undefined;
  await expect
    .poll(async () => (request = await onScreen(server, serial)), { timeout: 60_000, interval: 200 })
    .toBeDefined();
  await simulator(server, 'POST', `requests/${request?.uniqueReference}/approve`, { brand: 'VISA' });
}

describe('joining', () => {
  it('a wrong pairing code: --join exits non-zero and the data directory holds no link', async () => {
    const dataDir = freshDataDir('caja-register-wrong-');
    const joined = await joinWebShell(dataDir, { serverUrl: server.serverUrl, pairingCode: 'AAAAA-AAAAA' });
    expect(joined.code).not.toBe(0);
    expect(existsSync(join(dataDir, 'register-link.json'))).toBe(false);
  });
});

describe('a joined register', () => {
  it('starts in register mode: no database of its own, and it knows its server', async () => {
    expect(existsSync(join(a.shell.dataDir, 'caja.sqlite'))).toBe(false);
    const info = await a.page.value<{ register: unknown }>('app.info.get');
    expect(info.register).toEqual({
      state: 'up',
      registerId: a.registerId,
      name: 'Caja 2',
      serverUrl: server.serverUrl,
    });
    const own = await server.page.value<{ register: unknown }>('app.info.get');
    expect(own.register).toBeNull();
  });

  it('is refused the store server’s own channels, with the reason', async () => {
    for (const [channel, args] of [
      ['store.switch', { to: 'real' }],
      ['office.maintenance.get', {}],
      ['office.settings.secret.set', { name: 'kushki.apiKey', value: 'x'.repeat(32) }],
      ['office.registers.pairingCode.create', {}],
    ] as const) {
      const reply = await b.page.call(channel, args);
      expect(reply.error, channel).toMatchObject({ code: 'forbidden', reason: 'store_server_only' });
    }
  });
});

describe('two registers selling at once', () => {
  it('card on both, settled by the webhook through the relay and the server; then cash on both', async () => {
    await Promise.all([a, b].map((r) => r.page.value('sales.cart.scan', { code: 'BEB-001' })));
    const [cardA, cardB] = await Promise.all([
      a.page.value<PaymentView>('payments.card.start', { terminalSerial: 'CAJA01' }),
      b.page.value<PaymentView>('payments.card.start', { terminalSerial: SECOND_TERMINAL }),
    ]);
    await Promise.all([approveOnScreen('CAJA01'), approveOnScreen(SECOND_TERMINAL)]);
    // Each register hears its own payment end: relay → server's engine → that register's link.
    await Promise.all([
      waitForStatus(a.page, cardA.id, 'approved'),
      waitForStatus(b.page, cardB.id, 'approved'),
    ]);
    for (const [register, payment] of [
      [a, cardA],
      [b, cardB],
    ] as const) {
      await expect
        .poll(
          async () => {
            const detail = await register.page.value<PaymentDetail>('payments.get', {
              paymentId: payment.id,
            });
            return detail.timeline.some((e) => e.kind === 'webhook' && e.source === 'relay');
          },
          { timeout: 30_000 },
        )
        .toBe(true);
    }

    const cash = await Promise.all(
      [a, b].map(async (r) => {
        await r.page.value('sales.cart.scan', { code: 'BEB-001' });
        return r.page.value<CashResult>('payments.cash.pay', { tendered: 100_000 });
      }),
    );
    expect(cash.map((c) => c.saleCompleted)).toEqual([true, true]);

    // One book: every sale is on the server with the register that rang it up.
    const saleIds = [cardA.saleId, cardB.saleId, cash[0]?.payment.saleId, cash[1]?.payment.saleId];
    expect(new Set(saleIds).size).toBe(4);
    expect(saleIds.map((id) => registerOfSale(id ?? -1))).toEqual([
      a.registerId,
      b.registerId,
      a.registerId,
      b.registerId,
    ]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
    const page = await server.page.value<{ rows: { id: number; status: string }[] }>(
      'office.transactions.list',
      { from: today },
    );
    const ids = [cardA.id, cardB.id, cash[0]?.payment.id, cash[1]?.payment.id];
    for (const id of ids) expect(page.rows.find((row) => row.id === id)?.status).toBe('approved');
  }, 180_000);
});

describe('revoking a register', () => {
  it('closes its link at once and refuses its next call', async () => {
    await server.page.value('office.registers.revoke', { registerId: b.registerId });
    await waitForLink(b.page, 'revoked');
    const reply = await b.page.call('sales.cart.get');
    expect(reply.error).toMatchObject({ code: 'forbidden', reason: 'register_revoked' });
    // The other register is untouched.
    expect((await a.page.call('sales.cart.get')).ok).toBe(true);
  });
});

describe('the store server killed mid-payment', () => {
  it('refuses calls while it is down, and shows the payment’s true outcome after it is back', async () => {
    await a.page.value('sales.cart.scan', { code: 'BEB-001' });
    const card = await a.page.value<PaymentView>('payments.card.start', { terminalSerial: 'CAJA01' });
    await expect
      .poll(async () => (await onScreen(server, 'CAJA01'))?.uniqueReference, { timeout: 30_000 })
      .toBe(card.uniqueReference);

    // The demo simulator saves its state file shortly after a change: the kill must come after the
    // request is on disk, or the restarted simulator never heard of it (a test race, not Caja's).
    await expect
      .poll(() => simulatorStateHolds(server.shell.dataDir, card.uniqueReference ?? ''), { timeout: 30_000 })
      .toBe(true);
    server.page.close();
    server.shell.process.kill('SIGKILL');
    await waitForLink(a.page, 'down');
    const before = paymentsOnBook();
    const refused = await a.page.call('payments.cash.pay', { tendered: 100_000 });
    expect(refused.error).toMatchObject({ code: 'unavailable', reason: 'store_server_unreachable' });

    server = await startStoreServer({ dataDir: server.shell.dataDir, port: server.registerPort });
    // The customer tapped while the server was down: the simulator kept the request (its state file).
    await approveOnScreen('CAJA01');
    await waitForLink(a.page, 'up');
    await expect
      .poll(
        async () =>
          (await a.page.value<PaymentDetail>('payments.get', { paymentId: card.id })).payment.status,
        { timeout: 60_000, interval: 250 },
      )
      .toBe('approved');
    // The refused cash payment was never recorded.
    expect(paymentsOnBook()).toBe(before);
  }, 180_000);
});
