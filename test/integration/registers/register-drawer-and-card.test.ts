/**
 * Issue 17, deliverable 3 (core side): each register's shift and drawer cash, its default terminal,
 * and a card payment taken at a paired register against the real simulator over HTTP, resolved
 * through the inbound webhook path (see test/support/payments-harness.ts), heard by that register
 * alone. Real SQLite file, real core. See [Note: register context] and [Note: events per register].
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Reply } from '../../../app/api/contract';
import type { Dispatch } from '../../../app/api/dispatch';
import type { CurrentShift, ShiftView } from '../../../app/domain/office/shifts';
import type { ReturnableSale, ReturnCreated } from '../../../app/domain/office/returns';
import type { PaymentView } from '../../../app/domain/payment-view';
import { normalizePairingCode, type PairingCodeView } from '../../../app/domain/registers';
import type { TerminalView } from '../../../app/domain/terminal';
import type { AppEvent } from '../../../app/ports/event-bus.port';
import { createCore, type Core } from '../../../app/host/create-core';
import { SERIAL, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';
import { recordingLogger } from '../../support/recording-logger';
import { DEMO_USERS } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

function value<T>(reply: Reply<Channel>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

async function signIn(dispatch: Dispatch, user: { id: number; pin: string }): Promise<void> {
  value(await dispatch('session.signIn', { userId: user.id, pin: user.pin }));
}

/** Pairs a register through the store's RegistersService (a manager must be signed in at register 0). */
async function pairRegister(core: Core): Promise<number> {
  const code = value<PairingCodeView>(await core.dispatch('office.registers.pairingCode.create', {})).code;
  const paired = core.registers.pair({
    name: 'Caja 2',
    matches: (given) => given === normalizePairingCode(code),
  });
  if (!paired.ok) throw new Error(paired.error.message);
  return paired.value.registerId;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("each register's drawer", () => {
  it('opens a shift per register, two at once, and counts a cash sale, a movement and a cash return in its own only', async () => {
    const core = createCore({
      dataDir: freshDataDir('caja-register-shifts-'),
      shell: 'web',
      logger: recordingLogger().logger,
    });
    cleanups.push(() => core.close());
    await signIn(core.dispatch, DEMO_USERS.manager);
    const twoId = await pairRegister(core);
    const two = core.dispatchFor(twoId);
    await signIn(two, DEMO_USERS.manager);

    const zeroShift = value<ShiftView>(await core.dispatch('office.shifts.open', { float: 50_000 }));
    const twoShift = value<ShiftView>(await two('office.shifts.open', { float: 20_000 }));
    expect(twoShift.id).not.toBe(zeroShift.id);
    const again = await two('office.shifts.open', { float: 1 });
    expect(!again.ok && again.error.code).toBe('conflict');

    value(await two('sales.cart.scan', { code: 'ABA-001' }));
    const paid = value<{ payment: PaymentView }>(await two('payments.cash.pay', { tendered: 100_000 }));
    value(await two('office.shifts.cashMovement', { kind: 'out', amount: 5_000, reason: 'Proveedor' }));
    // A cash return at register 2's counter is paid from register 2's drawer.
    const sold = value<ReturnableSale>(await two('sales.returns.get', { saleId: paid.payment.saleId }));
    const returned = value<ReturnCreated>(
      await two('sales.returns.create', {
        saleId: sold.saleId,
        lines: [{ saleLineId: sold.lines[0]?.saleLineId ?? 0, quantity: 1000 }],
        tender: { method: 'cash' },
        managerPin: DEMO_USERS.manager.pin,
      }),
    );
    expect(returned.return.amount).toBeGreaterThan(0);

    const current = async (dispatch: Dispatch) =>
      value<CurrentShift>(await dispatch('office.shifts.current', {})).shift;
    const atTwo = await current(two);
    const atZero = await current(core.dispatch);
    expect(atTwo).toMatchObject({
      id: twoShift.id,
      openingFloat: 20_000,
      cashSales: paid.payment.amount,
      cashOut: 5_000,
      cashRefunds: returned.return.amount,
    });
    expect(atTwo?.expected).toBe(20_000 + paid.payment.amount - 5_000 - returned.return.amount);
    expect(atZero).toMatchObject({
      id: zeroShift.id,
      openingFloat: 50_000,
      cashSales: 0,
      cashOut: 0,
      cashRefunds: 0,
    });
    expect(atZero?.expected).toBe(50_000);

    const db = new Database(core.databaseFile, { readonly: true });
    cleanups.push(() => {
      db.close();
    });
    const shifts = db
      .prepare<[], { id: number; register_id: number }>(
        'SELECT id, register_id FROM shifts WHERE closed_at IS NULL ORDER BY id',
      )
      .all();
    expect(shifts).toEqual([
      { id: zeroShift.id, register_id: 0 },
      { id: twoShift.id, register_id: twoId },
    ]);
    const audited = db
      .prepare<[], { register_id: number | null }>(
        `SELECT register_id FROM audit_log WHERE action LIKE 'shift%' ORDER BY id`,
      )
      .all()
      .map((row) => row.register_id);
    expect(audited).toEqual(expect.arrayContaining([0, twoId]));
    expect(audited).not.toContain(null);
  });
});

describe('a card payment at a paired register', () => {
  let h: PaymentsHarness;

  async function startWithTwoRegisters() {
    h = await startPaymentsHarness({
      time: 'manual',
      sim: { behaviour: 'manual', terminals: [SERIAL, 'CAJA02'] },
    });
    cleanups.push(() => h.close());
    h.core.terminals.save([
      { serial: SERIAL, label: 'Caja 1', isDefault: true },
      { serial: 'CAJA02', label: 'Caja 2', isDefault: false },
    ]);
    await signIn(h.core.dispatch, DEMO_USERS.manager);
    const twoId = await pairRegister(h.core);
    return { twoId, two: h.core.dispatchFor(twoId) };
  }

  it("charges on the register's own default terminal, resolved by the webhook, heard by that register alone", async () => {
    const { twoId, two } = await startWithTwoRegisters();
    await signIn(two, DEMO_USERS.manager);
    // Register 2's manager chooses the terminal on its desk; register 0 keeps the store's default.
    const listed = value<TerminalView[]>(await two('office.terminals.setDefault', { serial: 'CAJA02' }));
    expect(listed.find((t) => t.isDefault)?.serial).toBe('CAJA02');
    const atZero = value<TerminalView[]>(await h.core.dispatch('terminals.list', {}));
    expect(atZero.find((t) => t.isDefault)?.serial).toBe(SERIAL);
    await signIn(two, DEMO_USERS.cashier);

    const zeroHeard: AppEvent[] = [];
    const twoHeard: AppEvent[] = [];
    cleanups.push(h.core.eventsFor(0).subscribe((e) => zeroHeard.push(e)));
    cleanups.push(h.core.eventsFor(twoId).subscribe((e) => twoHeard.push(e)));
    const approvedAtTwo = new Promise<PaymentView>((resolve) =>
      h.core.eventsFor(twoId).subscribe(({ event, payload }) => {
        if (event === 'payments.updated' && (payload as PaymentView).status === 'approved')
          resolve(payload as PaymentView);
      }),
    );

    value(await two('sales.cart.scan', { code: 'BEB-001' }));
    const started = value<PaymentView>(await two('payments.card.start', {}));
    expect(started.terminalSerial).toBe('CAJA02');
    // Register 0 cannot cancel register 2's customer's payment.
    const foreign = await h.core.dispatch('payments.cancel', { paymentId: started.id });
    expect(!foreign.ok && foreign.error.code).toBe('not_found');
    const onScreen = await h.sim.terminals.waitForOnScreen('CAJA02');
    expect(h.sim.approve(onScreen.uniqueReference).ok).toBe(true);
    // Time stands still (manual clock), so no scheduled check ran: only the webhook can resolve it.
    const approved = await approvedAtTwo;
    expect(approved).toMatchObject({ id: started.id, saleId: started.saleId });
    const timeline = value<{ timeline: { source: string }[] }>(
      await two('payments.get', { paymentId: started.id }),
    ).timeline;
    // The inbound path records its evidence as the relay's (the harness's receiver stands in for it).
    expect(timeline.map((e) => e.source)).toContain('relay');

    const saleEvents = (heard: AppEvent[]) =>
      heard.filter(
        (e) =>
          (e.event === 'payments.updated' || e.event === 'sales.completed') &&
          (e.payload as { saleId: number }).saleId === started.saleId,
      );
    expect(saleEvents(twoHeard).map((e) => e.event)).toContain('sales.completed');
    expect(saleEvents(zeroHeard)).toEqual([]);
    const db = new Database(h.core.databaseFile, { readonly: true });
    cleanups.push(() => {
      db.close();
    });
    expect(
      db
        .prepare<[number], { register_id: number }>('SELECT register_id FROM payments WHERE id = ?')
        .get(started.id),
    ).toEqual({ register_id: twoId });
  });
});
