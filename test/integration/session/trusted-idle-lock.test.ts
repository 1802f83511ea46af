/**
 * Issue 11, finding 5: the trusted side locks the register by itself after IDLE_LOCK_MS without an
 * API call, whatever the page does (or if there is no page any more). Time is manual: the idle
 * timer fires when the test moves the clock, never by waiting.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Reply } from '../../../app/api/contract';
import { IDLE_LOCK_MS, type SessionView } from '../../../app/domain/session';
import { createCore, databaseFileIn, type Core } from '../../../app/host/create-core';
import { manualTime } from '../../support/manual-time';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoCashier } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

const open: Core[] = [];
afterEach(() => open.splice(0).forEach((core) => core.close()));

function start() {
  const time = manualTime();
  const dataDir = freshDataDir('caja-idle-');
  const core = createCore({
    dataDir,
    shell: 'web',
    logger: recordingLogger().logger,
    clock: time.clock,
    timers: time.timers,
  });
  open.push(core);
  const sessions: (SessionView | null)[] = [];
  core.events.subscribe((e) => {
    if (e.event === 'session.changed') sessions.push(e.payload as SessionView | null);
  });
  return { core, time, dataDir, sessions };
}

function code(reply: Reply<Channel>): string {
  return reply.ok ? 'ok' : reply.error.code;
}

async function session(core: Core): Promise<SessionView | null> {
  const reply = await core.dispatch('session.get', {});
  return reply.ok ? (reply.value as SessionView | null) : null;
}

describe('the trusted side locks an idle register (issue 11)', () => {
  it('locks after the idle time since the last call, publishes it, and refuses sales until a PIN', async () => {
    const { core, time, dataDir, sessions } = start();
    await signInDemoCashier(core);
    time.advance(IDLE_LOCK_MS - 60_000);
    // A call is use of the register: the wait starts again from here.
    expect(code(await core.dispatch('sales.cart.scan', { code: 'PAN-002' }))).toBe('ok');
    time.advance(IDLE_LOCK_MS - 60_000);
    expect(sessions.at(-1)?.locked).toBe(false);
    // A reading counts as use too (and re-arms nothing: one timer, moved on when it fires).
    expect((await session(core))?.locked).toBe(false);
    time.advance(IDLE_LOCK_MS);
    expect(sessions.at(-1)).toMatchObject({ locked: true, user: { name: 'Ana López' } });
    expect(code(await core.dispatch('sales.cart.scan', { code: 'PAN-002' }))).toBe('session_required');
    // Locked, no timer is left running; the PIN opens the register again and re-arms it.
    expect(time.pending()).toBe(0);
    expect(code(await core.dispatch('session.signIn', { userId: 1, pin: '1111' }))).toBe('ok');
    expect(time.pending()).toBe(1);

    const db = new Database(databaseFileIn(dataDir), { readonly: true });
    const locks = db.prepare(`SELECT details FROM audit_log WHERE action = 'session.locked'`).all();
    db.close();
    expect(locks).toEqual([{ details: JSON.stringify({ reason: 'idle' }) }]);
  });

  it('does nothing while nobody is signed in, and forgets the timer on sign-out', async () => {
    const { core, time, sessions } = start();
    await core.dispatch('sales.cart.get', {});
    expect(time.pending()).toBe(0);
    await signInDemoCashier(core);
    await core.dispatch('session.signOut', {});
    expect(time.pending()).toBe(0);
    time.advance(2 * IDLE_LOCK_MS);
    expect(sessions.map((s) => s?.locked ?? null)).toEqual([false, null]);
  });
});
