/**
 * Shifts and the cash drawer on the real core and a real SQLite file: open with a float, cash in and
 * out, close with a count per bill and coin; closing refused while a card payment is in doubt.
 */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../app/api/contract';
import type { DailyReport } from '../../../app/domain/office/reports';
import type { CurrentShift, ShiftView } from '../../../app/domain/office/shifts';
import { createCore, type Core } from '../../../app/host/create-core';
import { SqlitePaymentsRepo } from '../../../app/infra/db/payments.repo';
import { recordingLogger } from '../../support/recording-logger';
import { DEMO_USERS, signInDemoManager } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

/** 2026-11-23 10:00 in Mexico City (UTC−6). */
const T0 = Date.UTC(2026, 10, 23, 16);

async function managerCore() {
  const clock = { at: T0, now: () => clock.at };
  const core = createCore({ dataDir: freshDataDir(), shell: 'web', logger: recordingLogger().logger, clock });
  await signInDemoManager(core);
  const call = async <T>(channel: Channel, args: unknown): Promise<T> => {
    const reply = await core.dispatch(channel, args);
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as T;
  };
  const tick = (ms = 60_000) => (clock.at += ms);
  return { core, clock, call, tick };
}

/** Sells one BEB-001 ($20.00) for cash, tendered `tendered` centavos. */
async function cashSale(call: <T>(c: Channel, a: unknown) => Promise<T>, tendered: number) {
  await call('sales.cart.scan', { code: 'BEB-001' });
  return call<{ change: number }>('payments.cash.pay', { tendered });
}

function auditActions(core: Core): { action: string; actor: number | null; details: string | null }[] {
  const db = new BetterSqlite3(core.databaseFile, { readonly: true });
  try {
    return db
      .prepare<[], { action: string; actor: number | null; details: string | null }>(
        `SELECT action, actor_user_id AS actor, details FROM audit_log WHERE action LIKE 'shift.%' ORDER BY id`,
      )
      .all();
  } finally {
    db.close();
  }
}

describe('shifts and cash', () => {
  it('closes a shift with cash in and out with the exact shortage', async () => {
    const { core, call, tick } = await managerCore();
    // Cash taken before any shift opens stays outside every shift's drawer.
    await cashSale(call, 2000);
    tick();
    const opened = await call<ShiftView>('office.shifts.open', { float: 50_000 });
    expect(opened.expected).toBe(50_000);
    tick();
    expect((await cashSale(call, 10_000)).change).toBe(8_000); // keeps 20.00
    tick();
    await cashSale(call, 5_000); // keeps 20.00
    tick();
    await call('office.shifts.cashMovement', { kind: 'in', amount: 10_000, reason: 'Cambio del banco' });
    tick();
    const afterOut = await call<ShiftView>('office.shifts.cashMovement', {
      kind: 'out',
      amount: 3_550,
      reason: 'Pago de hielo al proveedor',
    });
    // 500.00 float + 40.00 cash sales + 100.00 in − 35.50 out = 604.50
    expect(afterOut).toMatchObject({ cashSales: 4_000, cashIn: 10_000, cashOut: 3_550, expected: 60_450 });
    expect(afterOut.movements.map((m) => [m.kind, m.amount, m.reason, m.by?.name])).toEqual([
      ['in', 10_000, 'Cambio del banco', 'Luis Hernández'],
      ['out', 3_550, 'Pago de hielo al proveedor', 'Luis Hernández'],
    ]);
    tick();
    // Counted: 1 × $500 + 1 × $100 + 4 × $1 = 604.00, fifty centavos short.
    const closed = await call<ShiftView>('office.shifts.close', {
      denominations: { b500: 1, b100: 1, c1: 4, c050: 0 },
    });
    expect(closed).toMatchObject({ counted: 60_400, expected: 60_450, difference: -50 });
    expect(closed.denominations).toEqual({ b500: 1, b100: 1, c1: 4 });
    expect(closed.closedBy?.id).toBe(DEMO_USERS.manager.id);
    expect((await call<CurrentShift>('office.shifts.current', {})).shift).toBeNull();

    // A sale after closing does not change the closed drawer, and is cash outside any shift.
    tick();
    await cashSale(call, 2000);
    const [listed] = await call<ShiftView[]>('office.shifts.list', { day: '2026-11-23' });
    expect(listed).toMatchObject({ id: closed.id, expected: 60_450, counted: 60_400, difference: -50 });
    const report = await call<DailyReport>('office.reports.daily', { day: '2026-11-23' });
    expect(report.cashOutsideShifts).toMatchObject({ count: 2, amount: 4_000 });
    expect(report.cashOutsideShifts.payments.map((p) => [p.amount, p.cashier])).toEqual([
      [2_000, 'Luis Hernández'],
      [2_000, 'Luis Hernández'],
    ]);

    expect(auditActions(core).map((a) => a.action)).toEqual([
      'shift.opened',
      'shift.cash.in',
      'shift.cash.out',
      'shift.closed',
    ]);
    expect(JSON.parse(auditActions(core)[3]!.details!)).toMatchObject({
      counted: 60_400,
      expected: 60_450,
      difference: -50,
    });
    core.close();
  });

  it('refuses a second open shift, cash without a shift, and cash out beyond the drawer', async () => {
    const { core } = await managerCore();
    const code = async (channel: Channel, args: unknown) => {
      const reply = await core.dispatch(channel, args);
      return reply.ok ? 'ok' : reply.error.code;
    };
    expect(await code('office.shifts.cashMovement', { kind: 'in', amount: 100, reason: 'x' })).toBe(
      'conflict',
    );
    expect(await code('office.shifts.close', { denominations: {} })).toBe('conflict');
    expect(await code('office.shifts.open', { float: 10_000 })).toBe('ok');
    expect(await code('office.shifts.open', { float: 10_000 })).toBe('conflict');
    expect(await code('office.shifts.cashMovement', { kind: 'out', amount: 10_001, reason: 'x' })).toBe(
      'conflict',
    );
    // Validation: a reason is required, amounts are positive integers, denominations are known ids.
    expect(await code('office.shifts.cashMovement', { kind: 'in', amount: 100, reason: '   ' })).toBe(
      'validation_failed',
    );
    expect(await code('office.shifts.cashMovement', { kind: 'in', amount: 0, reason: 'x' })).toBe(
      'validation_failed',
    );
    // A control character passed zod and then failed the table's CHECK as `internal` (issue 11).
    for (const reason of ['Cambio\u0000', '\u0000', 'Retiro\u0007 banco', 'Pago\u009b']) {
      expect(await code('office.shifts.cashMovement', { kind: 'in', amount: 100, reason })).toBe(
        'validation_failed',
      );
    }
    expect(await code('office.shifts.close', { denominations: { b300: 1 } })).toBe('validation_failed');
    expect(await code('office.shifts.list', { day: '2026-02-30' })).toBe('validation_failed');
    core.close();
  });

  it('refuses to close while a card payment of the shift is unknown, and says which one', async () => {
    const { core, call, tick } = await managerCore();
    await call('office.shifts.open', { float: 20_000 });
    tick();
    await call('sales.cart.scan', { code: 'BEB-001' });
    const { saleId } = await call<{ saleId: number }>('sales.tender.get', {});
    // A card payment that lost track of Kushki, written with the repos as the engine would leave it.
    const db = new BetterSqlite3(core.databaseFile);
    const payments = new SqlitePaymentsRepo(db);
    const unknown = payments.insert(
      {
        saleId,
        method: 'card',
        status: 'unknown',
        amount: 2000,
        identifier: 'caja-test-unknown-1',
        uniqueReference: 'caja-test-unknown-1',
        terminalSerial: 'CAJA01',
        createdBy: DEMO_USERS.manager.id,
      },
      T0 + 60_000,
    );
    tick();
    const current = await call<CurrentShift>('office.shifts.current', {});
    expect(current.blocking).toMatchObject([
      { paymentId: unknown.id, reference: 'caja-test-unknown-1', status: 'unknown', amount: 2000 },
    ]);
    const refused = await core.dispatch('office.shifts.close', { denominations: { b200: 1 } });
    expect(refused.ok).toBe(false);
    if (refused.ok) throw new Error('unreachable');
    expect(refused.error.code).toBe('conflict');
    expect(refused.error.message).toContain('caja-test-unknown-1');
    expect(refused.error.issues).toEqual([
      { path: `payments.${unknown.id}`, message: 'caja-test-unknown-1 unknown' },
    ]);
    expect((await call<CurrentShift>('office.shifts.current', {})).shift?.closedAt).toBeNull();

    // Once the payment is resolved (Kushki said approved), the shift closes.
    expect(payments.transition(unknown.id, 'unknown', 'approved', {}, T0 + 120_000)).toBe(true);
    db.close();
    const closed = await call<ShiftView>('office.shifts.close', { denominations: { b200: 1 } });
    expect(closed).toMatchObject({ counted: 20_000, expected: 20_000, difference: 0 });
    expect(auditActions(core).map((a) => a.action)).toEqual([
      'shift.opened',
      'shift.close.refused',
      'shift.closed',
    ]);
    core.close();
  });
});
