import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SecretSetOutcome, SettingsOverview } from '../../../../app/domain/office/settings';
import { bootCaja, type BootedCaja } from '../../../../app/host/boot';
import { databaseFileIn } from '../../../../app/host/create-core';
import { openDatabase } from '../../../../app/infra/db/open-database';
import { SafeStorageVault } from '../../../../app/infra/security/safe-storage-vault';
import { fakeSafeStorage } from '../../../support/fake-safe-storage';
import { recordingLogger } from '../../../support/recording-logger';
import { freshDataDir } from '../../../support/web-shell';
import { managerCore } from './settings-core';

const KEY = 'kushki-test-key-7c1e5a9d0b3f2468';

/** Every text the data directory holds outside the vault folder: the database files and any log. */
function dataDirTextOutsideVault(dataDir: string): string {
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('secrets'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe('write-only secrets in the web shell vault (real files)', () => {
  const closers: (() => unknown)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('stores the key in a 0600 file, answers only last4 with a warning, audits no value, clears it', async () => {
    const { core, dataDir, entries, call } = await managerCore();
    closers.push(() => core.close());
    const outcome = await call<SecretSetOutcome>('office.settings.secret.set', {
      name: 'kushki.apiKey',
      value: KEY,
    });
    expect(outcome).toEqual({
      outcome: 'stored',
      status: { set: true, last4: '2468', storage: 'file', warning: 'web_unencrypted' },
    });
    const file = join(dataDir, 'secrets', 'kushki.apiKey.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'secrets')).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toBe(KEY);
    expect(core.vault.get('kushki.apiKey')).toBe(KEY);

    const overview = await call<SettingsOverview>('office.settings.get', {});
    expect(JSON.stringify(overview)).not.toContain(KEY);
    expect(overview.secrets['kushki.apiKey']).toMatchObject({ set: true, last4: '2468' });
    // Neither the database (audit included, WAL included) nor the log holds the key.
    expect(dataDirTextOutsideVault(dataDir)).not.toContain(KEY);
    expect(JSON.stringify(entries)).not.toContain(KEY);
    const db = new Database(databaseFileIn(dataDir), { readonly: true });
    const audit = db
      .prepare(`SELECT action, subject, details FROM audit_log WHERE subject = 'kushki.apiKey'`)
      .all();
    db.close();
    expect(audit).toEqual([
      {
        action: 'settings.secret.set',
        subject: 'kushki.apiKey',
        details: JSON.stringify({ last4: '2468', storage: 'file' }),
      },
    ]);

    expect(await call('office.settings.secret.clear', { name: 'kushki.apiKey' })).toMatchObject({
      set: false,
      last4: null,
    });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a secret too short or with spaces, and a name outside the list', async () => {
    const { core, reply } = await managerCore();
    closers.push(() => core.close());
    for (const args of [
      { name: 'kushki.apiKey', value: 'short' },
      { name: 'kushki.apiKey', value: 'has a space in it' },
      { name: 'db.password', value: KEY },
    ]) {
      const answer = await reply('office.settings.secret.set', args);
      expect(answer.ok ? null : answer.error.code).toBe('validation_failed');
      expect(JSON.stringify(answer)).not.toContain(KEY);
    }
  });

  it('moves the old secret rows into the vault at boot and deletes them; a key already in the vault wins', async () => {
    const dataDir = freshDataDir('caja-settings-');
    // An older install: the key and relay token as secret rows; dev, so boot starts no demo services.
    const db = openDatabase(databaseFileIn(dataDir));
    const insert = db.prepare(`INSERT INTO settings (key, value, secret, updated_at) VALUES (?, ?, ?, 0)`);
    insert.run('kushki.environment', 'dev', 0);
    insert.run('kushki.apiKey', KEY, 1);
    insert.run('relay.streamToken', 'old-relay-token-1234', 1);
    db.close();
    const { logger, entries } = recordingLogger();
    let booted: BootedCaja = await bootCaja({ dataDir, shell: 'web', logger });
    closers.push(() => booted.close());
    expect(booted.core.vault.get('kushki.apiKey')).toBe(KEY);
    expect(booted.core.vault.get('relay.streamToken')).toBe('old-relay-token-1234');
    expect(booted.core.secrets.read('kushki.apiKey')).toBeUndefined();
    expect(booted.core.secrets.read('relay.streamToken')).toBeUndefined();
    expect(statSync(join(dataDir, 'secrets', 'kushki.apiKey.txt')).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(entries)).not.toContain(KEY);
    await booted.close();

    // A row that reappears (an old version ran again) never overwrites the key set since.
    booted.core.vault.set('kushki.apiKey', 'newer-key-from-the-manager');
    const again = openDatabase(databaseFileIn(dataDir));
    again
      .prepare(`INSERT INTO settings (key, value, secret, updated_at) VALUES ('kushki.apiKey', ?, 1, 0)`)
      .run(KEY);
    again.close();
    booted = await bootCaja({ dataDir, shell: 'web', logger });
    expect(booted.core.vault.get('kushki.apiKey')).toBe('newer-key-from-the-manager');
    expect(booted.core.secrets.read('kushki.apiKey')).toBeUndefined();
  });
});

describe('write-only secrets through the desktop vault (fake safeStorage injected, real files and core)', () => {
  it('asks for consent on a basic_text keychain, audits the refusal, then stores a 0600 plaintext file', async () => {
    const dataDir = freshDataDir('caja-settings-');
    const vault = new SafeStorageVault(dataDir, fakeSafeStorage({ backend: 'basic_text' }), 'linux');
    const { core, call } = await managerCore({ dataDir, vault });
    try {
      const asked = await call<SecretSetOutcome>('office.settings.secret.set', {
        name: 'kushki.apiKey',
        value: KEY,
      });
      expect(asked).toEqual({ outcome: 'needs_consent', reason: 'basic_text' });
      expect(core.vault.describe('kushki.apiKey').set).toBe(false);
      const stored = await call<SecretSetOutcome>('office.settings.secret.set', {
        name: 'kushki.apiKey',
        value: KEY,
        allowPlaintext: true,
      });
      expect(stored).toEqual({
        outcome: 'stored',
        status: { set: true, last4: '2468', storage: 'file', warning: 'plaintext_fallback' },
      });
      expect(statSync(join(dataDir, 'secrets', 'kushki.apiKey.txt')).mode & 0o777).toBe(0o600);
      const db = new Database(databaseFileIn(dataDir), { readonly: true });
      const audit = db
        .prepare(`SELECT action FROM audit_log WHERE subject = 'kushki.apiKey' ORDER BY id`)
        .all();
      db.close();
      expect(audit).toEqual([{ action: 'settings.secret.needsConsent' }, { action: 'settings.secret.set' }]);
    } finally {
      core.close();
    }
  });
});
