/**
 * Issue 11: the last manager, locked by wrong PINs, has nobody to unlock them from the office. The
 * documented recovery is the `users unlock` command run on the store's PC (README, "Locked users").
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_AFTER_FAILURES } from '../../../app/domain/pin-guard';
import { createCore, databaseFileIn, type Core } from '../../../app/host/create-core';
import { runUsersCli } from '../../../app/host/users-cli';
import { manualTime } from '../../support/manual-time';
import { recordingLogger } from '../../support/recording-logger';
import { DEMO_USERS } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

const { manager } = DEMO_USERS;
const open: Core[] = [];
afterEach(() => open.splice(0).forEach((core) => core.close()));

function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const exit = runUsersCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, {}, () => 42);
  return { exit, out, err };
}

/** A core whose only manager is locked, and its data directory. */
async function lockedManager() {
  const time = manualTime();
  const dataDir = freshDataDir('caja-cli-');
  const core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger, ...time });
  open.push(core);
  for (let counted = 0; counted < LOCK_AFTER_FAILURES;) {
    const reply = await core.dispatch('session.signIn', { userId: manager.id, pin: String(3000 + counted) });
    if (!reply.ok && reply.error.code === 'rate_limited') time.advance(reply.error.retryAfterMs ?? 0);
    else counted += 1;
  }
  const refused = await core.dispatch('session.signIn', { userId: manager.id, pin: manager.pin });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('user_locked');
  return { core, dataDir };
}

describe('the recovery command for a locked last manager', () => {
  it('lists the lock and unlocks the manager, audited, while Caja is still running', async () => {
    const { core, dataDir } = await lockedManager();
    const listed = cli(['list', '--data-dir', dataDir]);
    expect(listed.exit).toBe(0);
    expect(listed.out).toContain(`${manager.id}\tLuis Hernández\tmanager\tactive, LOCKED`);

    const unlocked = cli(['unlock', '--user', String(manager.id), '--data-dir', dataDir]);
    expect(unlocked).toMatchObject({ exit: 0, out: ['Luis Hernández can sign in again.'] });
    // The running core reads the count at every PIN: no restart needed.
    expect((await core.dispatch('session.signIn', { userId: manager.id, pin: manager.pin })).ok).toBe(true);

    const db = new Database(databaseFileIn(dataDir), { readonly: true });
    const audit = db
      .prepare(`SELECT at, actor_user_id AS actor, details FROM audit_log WHERE action = 'users.unlocked'`)
      .all();
    db.close();
    expect(audit).toEqual([
      {
        at: 42,
        actor: null,
        details: JSON.stringify({ failures: LOCK_AFTER_FAILURES, wasLocked: true, via: 'recovery_command' }),
      },
    ]);
  });

  it('reads CAJA_DATA_DIR, refuses unknown users and usage errors, and never creates a database', async () => {
    const { dataDir } = await lockedManager();
    const viaEnv = runUsersCli(
      ['list'],
      { out: () => undefined, err: () => undefined },
      { CAJA_DATA_DIR: dataDir },
    );
    expect(viaEnv).toBe(0);
    expect(cli(['unlock', '--user', '999', '--data-dir', dataDir])).toMatchObject({
      exit: 1,
      err: ['No active user 999.'],
    });
    expect(cli(['unlock', '--data-dir', dataDir]).exit).toBe(2);
    expect(cli(['reset', '--data-dir', dataDir]).exit).toBe(2);
    expect(cli(['list', '--pin', '9999']).exit).toBe(2);

    const empty = freshDataDir('caja-cli-empty-');
    expect(cli(['list', '--data-dir', empty]).exit).toBe(1);
    expect(existsSync(join(empty, 'caja.sqlite'))).toBe(false);
  });
});
