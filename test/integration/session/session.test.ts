import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Channel, Reply } from '../../../app/api/contract';
import { createCore, databaseFileIn } from '../../../app/host/create-core';
import type { SessionView } from '../../../app/domain/session';
import { pinDelayMs } from '../../../app/services/session.service';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

function startCore(now: { t: number }) {
  const dataDir = freshDataDir();
  const core = createCore({
    dataDir,
    shell: 'web',
    logger: recordingLogger().logger,
    clock: { now: () => now.t },
  });
  return { core, dataDir };
}

function code(reply: Reply<Channel>): string {
  return reply.ok ? 'ok' : reply.error.code;
}

describe('PIN sessions on the trusted side', () => {
  it('lists users without PIN hashes and refuses sale changes until someone signs in', async () => {
    const { core } = startCore({ t: 1_000 });
    const users = await core.dispatch('session.users.list', {});
    expect(users.ok && users.value).toEqual([
      { id: 1, name: 'Ana López', role: 'cashier' },
      { id: 2, name: 'Luis Hernández', role: 'manager' },
    ]);
    expect(JSON.stringify(users)).not.toContain('scrypt');
    expect(code(await core.dispatch('sales.cart.scan', { code: 'PAN-002' }))).toBe('session_required');
    expect(code(await core.dispatch('payments.cash.pay', { tendered: 100 }))).toBe('session_required');
    // The refund's manager prompt is no open PIN oracle: nothing is checked, nothing is counted.
    expect(code(await core.dispatch('payments.refund', { paymentId: 1, managerPin: '0000' }))).toBe(
      'session_required',
    );
    // Reading the cart stays open: a locked screen must still show a payment in doubt.
    expect(code(await core.dispatch('sales.cart.get', {}))).toBe('ok');
    core.close();
  });

  it('records who sold: the cash payment and the audit carry the signed-in user', async () => {
    const { core, dataDir } = startCore({ t: 1_000 });
    expect(code(await core.dispatch('session.signIn', { userId: 2, pin: '9999' }))).toBe('ok');
    await core.dispatch('sales.cart.scan', { code: 'PAN-002' });
    const cleared = await core.dispatch('sales.cart.clear', {});
    expect(cleared.ok).toBe(true);
    await core.dispatch('sales.cart.scan', { code: 'PAN-002' });
    expect(code(await core.dispatch('payments.cash.pay', { tendered: 100_000 }))).toBe('ok');
    core.close();
    const db = new Database(databaseFileIn(dataDir), { readonly: true });
    const payment = db.prepare('SELECT created_by FROM payments').get() as { created_by: number };
    expect(payment.created_by).toBe(2);
    const audit = db
      .prepare(
        "SELECT action, actor_user_id FROM audit_log WHERE action IN ('sale.cleared', 'session.signed_in')",
      )
      .all();
    expect(audit).toEqual([
      { action: 'session.signed_in', actor_user_id: 2 },
      { action: 'sale.cleared', actor_user_id: 2 },
    ]);
    db.close();
  });

  it('locks, unlocks with a PIN, switches user, and signs out', async () => {
    const { core } = startCore({ t: 1_000 });
    const events: unknown[] = [];
    core.events.subscribe((e) => events.push(e));
    await core.dispatch('session.signIn', { userId: 1, pin: '1111' });
    const locked = await core.dispatch('session.lock', {});
    expect(locked.ok && (locked.value as SessionView).locked).toBe(true);
    expect(code(await core.dispatch('sales.cart.scan', { code: 'PAN-002' }))).toBe('session_required');
    const switched = await core.dispatch('session.signIn', { userId: 2, pin: '9999' });
    expect(switched.ok && (switched.value as SessionView).user.name).toBe('Luis Hernández');
    expect(code(await core.dispatch('sales.cart.scan', { code: 'PAN-002' }))).toBe('ok');
    await core.dispatch('session.signOut', {});
    const after = await core.dispatch('session.get', {});
    expect(after.ok && after.value).toBeNull();
    expect(events.filter((e) => (e as { event: string }).event === 'session.changed')).toHaveLength(4);
    core.close();
  });

  it('slows down repeated wrong PINs, server side, whatever the renderer does', async () => {
    const now = { t: 1_000 };
    const { core } = startCore(now);
    for (let i = 0; i < 3; i++) {
      expect(code(await core.dispatch('session.signIn', { userId: 1, pin: '0000' }))).toBe('forbidden');
    }
    // Third wrong PIN: the next attempt, even the right PIN, must wait.
    const blocked = await core.dispatch('session.signIn', { userId: 1, pin: '1111' });
    expect(code(blocked)).toBe('rate_limited');
    expect(!blocked.ok && blocked.error.retryAfterMs).toBe(pinDelayMs(3));
    now.t += pinDelayMs(3);
    expect(code(await core.dispatch('session.signIn', { userId: 1, pin: '1111' }))).toBe('ok');
    // The approval prompt is slowed down too, per manager: guessing through it is just as slow.
    await core.dispatch('sales.cart.scan', { code: 'VAR-003' });
    const line = await core.dispatch('sales.cart.get', {});
    const lineId = line.ok ? (line.value as { lines: { id: number }[] }).lines[0]?.id : 0;
    for (let i = 0; i < 3; i++) {
      const guess = await core.dispatch('sales.cart.setDiscount', {
        lineId,
        discountBp: 5000,
        managerPin: '0000',
      });
      expect(code(guess)).toBe('forbidden');
    }
    const blockedRight = await core.dispatch('sales.cart.setDiscount', {
      lineId,
      discountBp: 5000,
      managerPin: '9999',
    });
    expect(code(blockedRight)).toBe('rate_limited');
    now.t += pinDelayMs(3);
    const approved = await core.dispatch('sales.cart.setDiscount', {
      lineId,
      discountBp: 5000,
      managerPin: '9999',
    });
    expect(code(approved)).toBe('ok');
    expect([0, 1, 2, 3, 4, 5, 20].map(pinDelayMs)).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 60_000]);
    core.close();
  });
});
