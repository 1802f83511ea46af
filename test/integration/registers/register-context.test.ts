/**
 * Issue 17, deliverable 3 (core side): two registers on one core over one real SQLite file. The
 * store server's own counter (register 0) and a paired register each have their own session, open
 * sale, parked list, payments and events; the book is one. See [Note: register context].
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, EventName, Reply } from '../../../app/api/contract';
import type { Dispatch } from '../../../app/api/dispatch';
import { createCore, type Core } from '../../../app/host/create-core';
import { normalizePairingCode, type PairingCodeView } from '../../../app/domain/registers';
import type { Cart, ParkedSale } from '../../../app/domain/sale';
import type { SessionView } from '../../../app/domain/session';
import type { CashResult } from '../../../app/domain/payment-view';
import type { AppEvent } from '../../../app/ports/event-bus.port';
import { recordingLogger } from '../../support/recording-logger';
import { DEMO_USERS } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

function value<T>(reply: Reply<Channel>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

async function signIn(dispatch: Dispatch, user: { id: number; pin: string }): Promise<SessionView> {
  return value<SessionView>(await dispatch('session.signIn', { userId: user.id, pin: user.pin }));
}

/** Pairs a register through the store's RegistersService, as the register server does. */
async function pairRegister(core: Core, name: string): Promise<number> {
  const code = value<PairingCodeView>(await core.dispatch('office.registers.pairingCode.create', {})).code;
  const paired = core.registers.pair({ name, matches: (given) => given === normalizePairingCode(code) });
  if (!paired.ok) throw new Error(paired.error.message);
  return paired.value.registerId;
}

/** Every event one subscriber heard, by name. */
function listen(source: Pick<Core['events'], 'subscribe'>) {
  const heard: AppEvent[] = [];
  const stop = source.subscribe((event) => heard.push(event));
  return {
    stop,
    of: <E extends EventName>(name: E) =>
      heard.filter((e) => e.event === name).map((e) => e.payload) as AppEvent<E>['payload'][],
  };
}

let core: Core;
let db: Database.Database;
let two: Dispatch;
let twoId: number;

beforeEach(async () => {
  core = createCore({
    dataDir: freshDataDir('caja-register-context-'),
    shell: 'web',
    logger: recordingLogger().logger,
  });
  // Pairing is the store server's manager's.
  await signIn(core.dispatch, DEMO_USERS.manager);
  twoId = await pairRegister(core, 'Caja 2');
  await core.dispatch('session.signOut', {});
  two = core.dispatchFor(twoId);
  db = new Database(core.databaseFile, { readonly: true });
});

afterEach(() => {
  db.close();
  core.close();
});

describe('two registers on one core', () => {
  it('signs in separately: one register signed in leaves the other locked out, and vice versa', async () => {
    await signIn(core.dispatch, DEMO_USERS.cashier);
    expect(value<SessionView | null>(await two('session.get', {}))).toBeNull();
    const refused = await two('sales.cart.scan', { code: 'ABA-001' });
    expect(!refused.ok && refused.error.code).toBe('session_required');

    await signIn(two, DEMO_USERS.manager);
    expect(value<SessionView>(await two('session.get', {})).user.id).toBe(DEMO_USERS.manager.id);
    expect(value<SessionView>(await core.dispatch('session.get', {})).user.id).toBe(DEMO_USERS.cashier.id);

    // Locking one register (its link closed) leaves the other signed in.
    core.lockRegister(twoId, 'last_connection_closed');
    expect(value<SessionView>(await two('session.get', {})).locked).toBe(true);
    expect(value<SessionView>(await core.dispatch('session.get', {})).locked).toBe(false);
    core.lockSession('last_window_closed');
    expect(value<SessionView>(await core.dispatch('session.get', {})).locked).toBe(true);
    await signIn(two, DEMO_USERS.manager);
    expect(value<SessionView>(await core.dispatch('session.get', {})).locked).toBe(true);
  });

  it('keeps an open sale and a parked list per register, and completes a cash sale on each', async () => {
    await signIn(core.dispatch, DEMO_USERS.cashier);
    await signIn(two, DEMO_USERS.cashier);
    const zeroCart = value<{ cart: Cart }>(await core.dispatch('sales.cart.scan', { code: 'ABA-001' })).cart;
    const twoCart = value<{ cart: Cart }>(await two('sales.cart.scan', { code: 'BEB-002' })).cart;
    expect(twoCart.saleId).not.toBe(zeroCart.saleId);
    expect(value<Cart>(await core.dispatch('sales.cart.get', {})).lines.map((l) => l.sku)).toEqual([
      'ABA-001',
    ]);
    expect(value<Cart>(await two('sales.cart.get', {})).lines.map((l) => l.sku)).toEqual(['BEB-002']);

    // Parked on register 2: register 0's list stays empty, and 0 cannot recall 2's customer.
    value(await two('sales.cart.park', {}));
    expect(value<ParkedSale[]>(await core.dispatch('sales.parked.list', {}))).toEqual([]);
    expect(value<ParkedSale[]>(await two('sales.parked.list', {})).map((p) => p.saleId)).toEqual([
      twoCart.saleId,
    ]);
    const stolen = await core.dispatch('sales.parked.recall', { saleId: twoCart.saleId });
    expect(stolen.ok).toBe(false);
    expect(value<Cart>(await core.dispatch('sales.cart.get', {})).saleId).toBe(zeroCart.saleId);
    expect(value<Cart>(await two('sales.parked.recall', { saleId: twoCart.saleId })).saleId).toBe(
      twoCart.saleId,
    );

    const zeroCash = value<CashResult>(await core.dispatch('payments.cash.pay', { tendered: 100_000 }));
    const twoCash = value<CashResult>(await two('payments.cash.pay', { tendered: 100_000 }));
    expect(zeroCash.saleCompleted && twoCash.saleCompleted).toBe(true);
    const rows = db
      .prepare<[], { id: number; sale_id: number; register_id: number; sale_register: number }>(
        `SELECT p.id, p.sale_id, p.register_id, s.register_id AS sale_register
           FROM payments p JOIN sales s ON s.id = p.sale_id ORDER BY p.id`,
      )
      .all();
    expect(rows).toEqual([
      { id: zeroCash.payment.id, sale_id: zeroCart.saleId, register_id: 0, sale_register: 0 },
      { id: twoCash.payment.id, sale_id: twoCart.saleId, register_id: twoId, sale_register: twoId },
    ]);
    // Each counter's next sale is its own, and each counter's recent receipts are its own.
    const next = value<Cart>(await two('sales.cart.get', {}));
    expect(
      db
        .prepare<[number], { register_id: number }>('SELECT register_id FROM sales WHERE id = ?')
        .get(next.saleId),
    ).toEqual({ register_id: twoId });
    const recent = (dispatch: Dispatch) =>
      dispatch('sales.receipts.list', { limit: 10 }).then((r) =>
        value<{ saleId: number }[]>(r).map((x) => x.saleId),
      );
    expect(await recent(core.dispatch)).toEqual([zeroCart.saleId]);
    expect(await recent(two)).toEqual([twoCart.saleId]);
  });

  it('writes the register on the audit rows of what was done at it', async () => {
    await signIn(two, DEMO_USERS.cashier);
    await signIn(core.dispatch, DEMO_USERS.cashier);
    value(await two('sales.cart.scan', { code: 'ABA-001' }));
    value(await two('sales.cart.clear', {}));
    const rows = db
      .prepare<[], { action: string; register_id: number | null }>(
        `SELECT action, register_id FROM audit_log WHERE action IN ('session.signed_in', 'sale.cleared') ORDER BY id`,
      )
      .all();
    expect(rows).toEqual([
      { action: 'session.signed_in', register_id: 0 }, // the manager who created the pairing code
      { action: 'session.signed_in', register_id: twoId },
      { action: 'session.signed_in', register_id: 0 },
      { action: 'sale.cleared', register_id: twoId },
    ]);
  });

  it("sends a register's cart, tender and session events to its own subscribers only", async () => {
    const zero = listen(core.eventsFor(0));
    const shell = listen(core.events);
    const other = listen(core.eventsFor(twoId));
    await signIn(two, DEMO_USERS.cashier);
    const cart = value<{ cart: Cart }>(await two('sales.cart.scan', { code: 'ABA-001' })).cart;
    await signIn(core.dispatch, DEMO_USERS.cashier);
    value(await core.dispatch('sales.cart.scan', { code: 'BEB-002' }));

    expect(other.of('sales.cart.updated').map((c) => c.saleId)).toEqual([cart.saleId]);
    expect(other.of('sales.tender.updated').map((t) => t.saleId)).toEqual([cart.saleId]);
    expect(other.of('session.changed')).toHaveLength(1);
    for (const heard of [zero, shell]) {
      expect(heard.of('sales.cart.updated').map((c) => c.saleId)).not.toContain(cart.saleId);
      expect(heard.of('sales.cart.updated')).toHaveLength(1);
      expect(heard.of('session.changed')).toHaveLength(1);
    }

    // A cash sale's payment and completion reach its register; the store's events reach both.
    value(await two('payments.cash.pay', { tendered: 100_000 }));
    expect(other.of('payments.updated').map((p) => p.saleId)).toEqual([cart.saleId]);
    expect(other.of('sales.completed')).toEqual([{ saleId: cart.saleId }]);
    expect(zero.of('payments.updated')).toEqual([]);
    expect(zero.of('sales.completed')).toEqual([]);
    value(await two('settings.language.set', { language: 'en' }));
    expect(other.of('settings.language.changed')).toHaveLength(1);
    expect(zero.of('settings.language.changed')).toHaveLength(1);
  });

  it("refuses a revoked register's dispatch on every call, and an id that was never paired", async () => {
    await signIn(two, DEMO_USERS.cashier);
    value(await two('sales.cart.scan', { code: 'ABA-001' }));
    await signIn(core.dispatch, DEMO_USERS.manager);
    value(await core.dispatch('office.registers.revoke', { registerId: twoId }));
    const refused = await two('sales.cart.get', {});
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    expect(!refused.ok && refused.error.message).toMatch(/revoked/);
    const stranger = await core.dispatchFor(99)('session.users.list', {});
    expect(!stranger.ok && stranger.error.code).toBe('forbidden');
    // The store server's own counter goes on.
    expect((await core.dispatch('sales.cart.get', {})).ok).toBe(true);
  });

  it("refuses the registers' management from a paired register, even to its manager", async () => {
    await signIn(two, DEMO_USERS.manager);
    const refused = await two('office.registers.pairingCode.create', {});
    expect(!refused.ok && refused.error.code).toBe('forbidden');
  });
});
