/**
 * Issue 11, finding 2: wrong PINs count per target user, survive a restart, lock the user at the
 * tenth, and only a manager (or the recovery command) unlocks. Real SQLite, real scrypt, a manual
 * clock: every wait is stepped over by moving the clock, never by sleeping.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Reply } from '../../../app/api/contract';
import type { OfficeUser } from '../../../app/domain/office/settings';
import { FREE_ATTEMPTS, LOCK_AFTER_FAILURES } from '../../../app/domain/pin-guard';
import { createCore, databaseFileIn, type Core } from '../../../app/host/create-core';
import { manualTime, type ManualTime } from '../../support/manual-time';
import { recordingLogger } from '../../support/recording-logger';
import { DEMO_USERS } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

const { cashier, manager } = DEMO_USERS;
const open: Core[] = [];
afterEach(() => open.splice(0).forEach((core) => core.close()));

function start(time: ManualTime, dataDir = freshDataDir('caja-pins-')) {
  const core = createCore({
    dataDir,
    shell: 'web',
    logger: recordingLogger().logger,
    clock: time.clock,
    timers: time.timers,
  });
  open.push(core);
  return { core, dataDir };
}

function code(reply: Reply<Channel>): string {
  return reply.ok ? 'ok' : reply.error.code;
}

/** A wrong PIN for the demo users, different every time. */
const wrong = (i: number) => String(2000 + i);

const signIn = (core: Core, user: { id: number }, pin: string) =>
  core.dispatch('session.signIn', { userId: user.id, pin });

/** Guesses at `user` until they are locked, stepping over every wait; checks each answer. */
async function guessUntilLocked(core: Core, time: ManualTime, user: { id: number }, already = 0) {
  for (let counted = already; counted < LOCK_AFTER_FAILURES;) {
    const reply = await signIn(core, user, wrong(counted));
    if (!reply.ok && reply.error.code === 'rate_limited') {
      time.advance(reply.error.retryAfterMs ?? 0);
      continue;
    }
    counted += 1;
    expect(code(reply), `guess ${counted}`).toBe(
      counted === LOCK_AFTER_FAILURES ? 'user_locked' : 'forbidden',
    );
  }
}

function auditOf(dataDir: string, subject: string) {
  const db = new Database(databaseFileIn(dataDir), { readonly: true });
  const rows = db
    .prepare(`SELECT action, actor_user_id AS actor, details FROM audit_log WHERE subject = ? ORDER BY id`)
    .all(subject) as { action: string; actor: number | null; details: string | null }[];
  db.close();
  return rows;
}

/** A cart line to discount above the cashier's limit, so the manager-approval prompt is asked. */
async function lineToDiscount(core: Core): Promise<number> {
  const scanned = await core.dispatch('sales.cart.scan', { code: 'VAR-003' });
  if (!scanned.ok) throw new Error(scanned.error.code);
  return (scanned.value as { cart: { lines: { id: number }[] } }).cart.lines[0]?.id ?? 0;
}

describe('wrong PINs per target user (issue 11)', () => {
  it('stops the alternating-guess attack: her own sign-in between guesses resets nothing, the manager locks at the tenth', async () => {
    const time = manualTime();
    const { core, dataDir } = start(time);
    expect(code(await signIn(core, cashier, cashier.pin))).toBe('ok');
    const lineId = await lineToDiscount(core);
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      // The cashier signs in with her own PIN, then guesses at the manager's, at sign-in and at the
      // discount prompt in turn: both count against the manager, and her success resets neither.
      expect(code(await signIn(core, cashier, cashier.pin))).toBe('ok');
      const guess =
        i % 2 === 0
          ? await signIn(core, manager, wrong(i))
          : await core.dispatch('sales.cart.setDiscount', { lineId, discountBp: 5000, managerPin: wrong(i) });
      expect(code(guess), `guess ${i + 1}`).toBe(i === LOCK_AFTER_FAILURES - 1 ? 'user_locked' : 'forbidden');
      if (i >= FREE_ATTEMPTS - 1 && i < LOCK_AFTER_FAILURES - 1) {
        expect(code(await signIn(core, cashier, cashier.pin))).toBe('ok');
        // Straight after, even the right PIN must wait: the slow-down is the manager's, not the register's.
        const early = await signIn(core, manager, manager.pin);
        expect(code(early), `after guess ${i + 1}`).toBe('rate_limited');
        time.advance(early.ok ? 0 : (early.error.retryAfterMs ?? 0));
      }
    }
    // Locked: the right PIN is refused at sign-in and at the prompt, without saying whether it was right.
    expect(code(await signIn(core, manager, manager.pin))).toBe('user_locked');
    const prompt = await core.dispatch('sales.cart.setDiscount', {
      lineId,
      discountBp: 5000,
      managerPin: '9999',
    });
    expect(code(prompt)).toBe('user_locked');
    time.advance(24 * 3_600_000);
    expect(code(await signIn(core, manager, manager.pin))).toBe('user_locked');

    const audit = auditOf(dataDir, `user:${manager.id}`).map((a) => a.action);
    expect(audit.filter((a) => a === 'session.pin_rejected')).toHaveLength(LOCK_AFTER_FAILURES / 2);
    expect(audit.filter((a) => a === 'session.manager_pin_rejected')).toHaveLength(LOCK_AFTER_FAILURES / 2);
    expect(audit.filter((a) => a === 'session.user_locked')).toHaveLength(1);
  });

  it('a guesser against one user leaves every other user free to sign in at once', async () => {
    const time = manualTime();
    const { core } = start(time);
    for (let i = 0; i < FREE_ATTEMPTS; i++)
      expect(code(await signIn(core, cashier, wrong(i)))).toBe('forbidden');
    expect(code(await signIn(core, cashier, cashier.pin))).toBe('rate_limited');
    // The cashier must wait; the manager, at the same moment, need not.
    expect(code(await signIn(core, manager, manager.pin))).toBe('ok');
    time.advance(60_000);
    await guessUntilLocked(core, time, cashier, FREE_ATTEMPTS);
    // No time has to pass for the manager, and the register is not blocked for anyone else.
    expect(code(await signIn(core, manager, manager.pin))).toBe('ok');
    expect(code(await core.dispatch('sales.cart.scan', { code: 'PAN-002' }))).toBe('ok');
    expect(code(await signIn(core, cashier, cashier.pin))).toBe('user_locked');
  });

  it('keeps the count and the lock across a restart', async () => {
    const time = manualTime();
    const first = start(time);
    await guessUntilLocked(first.core, time, cashier);
    for (let i = 0; i < FREE_ATTEMPTS; i++)
      expect(code(await signIn(first.core, manager, wrong(i)))).toBe('forbidden');
    first.core.close();
    open.splice(0);

    const { core } = start(time, first.dataDir);
    expect(code(await signIn(core, manager, manager.pin))).toBe('rate_limited');
    expect(code(await signIn(core, cashier, cashier.pin))).toBe('user_locked');
  });

  it('a manager unlocks a locked user from the office; every failure, the lock and the unlock are audited', async () => {
    const time = manualTime();
    const { core, dataDir } = start(time);
    await guessUntilLocked(core, time, cashier);
    expect(code(await signIn(core, manager, manager.pin))).toBe('ok');
    const listed = await core.dispatch('office.users.list', {});
    const table = (listed.ok ? listed.value : []) as OfficeUser[];
    expect(table.find((u) => u.id === cashier.id)?.locked).toBe(true);
    expect(table.find((u) => u.id === manager.id)?.locked).toBe(false);

    const unlocked = await core.dispatch('office.users.unlock', { userId: cashier.id });
    expect(unlocked.ok && (unlocked.value as OfficeUser).locked).toBe(false);
    expect(code(await signIn(core, cashier, cashier.pin))).toBe('ok');
    // A cashier cannot unlock anyone (the office needs a manager).
    expect(code(await core.dispatch('office.users.unlock', { userId: manager.id }))).toBe('forbidden');

    const audit = auditOf(dataDir, `user:${cashier.id}`);
    const rejected = audit.filter((a) => a.action === 'session.pin_rejected');
    expect(rejected.map((a) => JSON.parse(a.details ?? '{}').failures)).toEqual(
      Array.from({ length: LOCK_AFTER_FAILURES }, (_, i) => i + 1),
    );
    expect(audit.filter((a) => a.action === 'session.user_locked')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'users.unlocked')).toEqual([
      {
        action: 'users.unlocked',
        actor: manager.id,
        details: JSON.stringify({ failures: LOCK_AFTER_FAILURES, wasLocked: true, via: 'office' }),
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(cashier.pin);
  });

  it('the approval prompt counts a wrong PIN against every manager it tried, and a locked manager approves nothing', async () => {
    const time = manualTime();
    const { core } = start(time);
    expect(code(await signIn(core, manager, manager.pin))).toBe('ok');
    const added = await core.dispatch('office.users.add', {
      name: 'Rosa Díaz',
      role: 'manager',
      pin: '5555',
    });
    const rosa = (added.ok ? added.value : null) as OfficeUser;
    expect(code(await signIn(core, cashier, cashier.pin))).toBe('ok');
    const lineId = await lineToDiscount(core);
    for (let counted = 0; counted < LOCK_AFTER_FAILURES;) {
      const reply = await core.dispatch('sales.cart.setDiscount', {
        lineId,
        discountBp: 5000,
        managerPin: wrong(counted),
      });
      if (!reply.ok && reply.error.code === 'rate_limited') {
        time.advance(reply.error.retryAfterMs ?? 0);
        continue;
      }
      counted += 1;
      expect(code(reply), `guess ${counted}`).toBe(
        counted === LOCK_AFTER_FAILURES ? 'user_locked' : 'forbidden',
      );
    }
    // Both managers were guessed at LOCK_AFTER_FAILURES times: both are locked, neither PIN approves.
    expect(code(await signIn(core, { id: rosa.id }, '5555'))).toBe('user_locked');
    expect(code(await signIn(core, manager, manager.pin))).toBe('user_locked');
    for (const managerPin of ['9999', '5555']) {
      const reply = await core.dispatch('sales.cart.setDiscount', { lineId, discountBp: 5000, managerPin });
      expect(code(reply)).toBe('user_locked');
    }
    // The cashier herself was never a target.
    expect(code(await signIn(core, cashier, cashier.pin))).toBe('ok');
  });

  it('guesses sent all at once are checked one by one: the free ones, then waits', async () => {
    const time = manualTime();
    const { core } = start(time);
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => signIn(core, manager, wrong(i))));
    expect(replies.map(code)).toEqual([
      ...Array<string>(FREE_ATTEMPTS).fill('forbidden'),
      ...Array<string>(6 - FREE_ATTEMPTS).fill('rate_limited'),
    ]);
  });

  it('keeps serving other calls while a PIN is being hashed', async () => {
    const time = manualTime();
    const { core } = start(time);
    let signedIn = false;
    const pending = signIn(core, cashier, cashier.pin).then((reply) => {
      signedIn = reply.ok;
      return reply;
    });
    // Served while scrypt runs on the thread pool: the sign-in has not finished yet.
    const info = await core.dispatch('app.info.get', {});
    expect(info.ok).toBe(true);
    expect(signedIn).toBe(false);
    expect(code(await pending)).toBe('ok');
    expect(signedIn).toBe(true);
  });
});
