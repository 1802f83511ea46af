import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { OfficeUser } from '../../../../app/domain/office/settings';
import type { UserSummary } from '../../../../app/domain/session';
import { databaseFileIn } from '../../../../app/host/create-core';
import { managerCore } from './settings-core';

const MANAGER = 2;

describe('users and PINs (real SQLite, real scrypt)', () => {
  const cores: { close(): void }[] = [];
  afterEach(() => cores.splice(0).forEach((core) => core.close()));

  it('adds a user who signs in with the new PIN; a PIN change retires the old one; no hash is ever answered', async () => {
    const { core, dataDir, reply, call } = await managerCore();
    cores.push(core);
    const added = await call<OfficeUser>('office.users.add', {
      name: 'Carmen Ruiz',
      role: 'cashier',
      pin: '246810',
    });
    expect(added).toMatchObject({ name: 'Carmen Ruiz', role: 'cashier', active: true });
    const duplicate = await reply('office.users.add', { name: 'carmen ruiz', role: 'cashier', pin: '1357' });
    expect(duplicate.ok ? null : duplicate.error.code).toBe('conflict');
    const list = await call<OfficeUser[]>('office.users.list', {});
    expect(JSON.stringify(list)).not.toMatch(/scrypt|pin/i);

    expect((await reply('session.signIn', { userId: added.id, pin: '246810' })).ok).toBe(true);
    await call('session.signIn', { userId: MANAGER, pin: '9999' });
    await call('office.users.setPin', { userId: added.id, pin: '8642' });
    expect((await reply('session.signIn', { userId: added.id, pin: '246810' })).ok).toBe(false);
    expect((await reply('session.signIn', { userId: added.id, pin: '8642' })).ok).toBe(true);

    // The stored value is a salted scrypt hash, not the PIN.
    const db = new Database(databaseFileIn(dataDir), { readonly: true });
    const row = db.prepare(`SELECT pin_hash FROM users WHERE id = ?`).get(added.id) as { pin_hash: string };
    const audit = db
      .prepare(`SELECT action, details FROM audit_log WHERE subject = ?`)
      .all(`user:${added.id}`);
    db.close();
    expect(row.pin_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(audit)).not.toContain('8642');
    const userActions = audit
      .map((a) => (a as { action: string }).action)
      .filter((a) => a.startsWith('users.'));
    expect(userActions).toEqual(['users.added', 'users.pinChanged']);
  });

  it('refuses PINs that are not 4–8 digits', async () => {
    const { core, reply } = await managerCore();
    cores.push(core);
    for (const pin of ['123', '123456789', '12a4', ' 1234']) {
      const answer = await reply('office.users.add', { name: 'X', role: 'cashier', pin });
      expect(answer.ok ? null : answer.error.code, pin).toBe('validation_failed');
    }
  });

  it('keeps the last active manager: no demotion, no deactivation, until another manager exists', async () => {
    const { core, reply, call } = await managerCore();
    cores.push(core);
    const demote = await reply('office.users.setRole', { userId: MANAGER, role: 'cashier' });
    expect(demote.ok ? null : demote.error.code).toBe('conflict');
    const deactivate = await reply('office.users.deactivate', { userId: MANAGER });
    expect(deactivate.ok ? null : deactivate.error.code).toBe('conflict');

    const second = await call<OfficeUser>('office.users.add', {
      name: 'Rosa Díaz',
      role: 'cashier',
      pin: '5555',
    });
    await call('office.users.setRole', { userId: second.id, role: 'manager' });
    await call('office.users.setRole', { userId: MANAGER, role: 'cashier' });
    // Luis demoted himself: his session ends (it carried the manager role), so the office is closed to it.
    expect(await call('session.get', {})).toBeNull();
    const afterDemotion = await reply('office.users.list', {});
    expect(afterDemotion.ok ? null : afterDemotion.error.code).toBe('session_required');
    expect((await reply('session.signIn', { userId: MANAGER, pin: '9999' })).ok).toBe(true);
    const asCashier = await reply('office.users.list', {});
    expect(asCashier.ok ? null : asCashier.error.code).toBe('forbidden');
    await call('session.signIn', { userId: second.id, pin: '5555' });
    const last = await reply('office.users.deactivate', { userId: second.id });
    expect(last.ok ? null : last.error.code).toBe('conflict');
  });

  it('deactivates (never deletes) a user: gone from the sign-in picker, refused at sign-in, kept in the table', async () => {
    const { core, reply, call } = await managerCore();
    cores.push(core);
    await call('office.users.deactivate', { userId: 1 });
    const picker = await call<UserSummary[]>('session.users.list', {});
    expect(picker.map((u) => u.id)).not.toContain(1);
    expect((await reply('session.signIn', { userId: 1, pin: '1111' })).ok).toBe(false);
    const table = await call<OfficeUser[]>('office.users.list', {});
    expect(table.find((u) => u.id === 1)).toMatchObject({ name: 'Ana López', active: false });
    const again = await reply('office.users.deactivate', { userId: 1 });
    expect(again.ok ? null : again.error.code).toBe('not_found');
  });
});
