/**
 * Creates the real store for the first-run wizard (issue 13): an empty database in its own store
 * directory, with the store's details, time zone, first manager and, when given, Kushki and relay
 * settings, written through the same services the office uses (their validation and audit). It is
 * built in a temporary directory and renamed into place, so a refusal or a crash half-way leaves no
 * half-made store for the pointer to find. See [Note: demo and real store].
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../domain/result';
import type { SecretName } from '../domain/office/settings';
import type { StoreSetupInput } from '../domain/store-setup';
import { SqliteAuditLog } from '../infra/db/audit.repo';
import { openDatabase } from '../infra/db/open-database';
import { SqlitePinFailuresRepo } from '../infra/db/pin-failures.repo';
import { SqliteSettingsRepo } from '../infra/db/settings.repo';
import { SqliteUsersRepo } from '../infra/db/users.repo';
import { FileVault } from '../infra/security/file-vault';
import type { Clock } from '../ports/clock.port';
import type { SecretVault } from '../ports/secret-vault.port';
import { SecretsService } from '../services/office/settings/secrets.service';
import { StoreSettingsService } from '../services/office/settings/store-settings.service';
import { UsersAdminService } from '../services/office/settings/users-admin.service';
import { TerminalsService } from '../services/terminals.service';
import { DATABASE_FILE, makeStoreDir, type StoreLocation } from './store-location';

/** What the wizard learns back: the secrets a keychain-less desktop could not keep (set them in the office). */
export interface CreatedRealStore {
  managerId: number;
  secretsNotStored: SecretName[];
}

/** Options for {@link createRealStore}. */
export interface CreateRealStoreOptions {
  target: StoreLocation;
  input: StoreSetupInput;
  clock: Clock;
  sqliteNativeBinding?: string | undefined;
  /** The vault of a store directory (the desktop's safeStorage one); default the 0600-file vault. */
  vaultFor?: ((storeDir: string) => SecretVault) | undefined;
}

/** Builds the real store at `target`; refuses when one is there already (it is never overwritten). */
export async function createRealStore(options: CreateRealStoreOptions): Promise<Result<CreatedRealStore>> {
  const { target } = options;
  if (existsSync(target.dir)) return fail('conflict', 'Ya existe una tienda real en esta carpeta de datos.');
  const temp = `${target.dir}.new-${randomBytes(4).toString('hex')}`;
  makeStoreDir(temp);
  let renamed = false;
  try {
    const built = await fill(temp, options);
    if (!built.ok) return built;
    renameSync(temp, target.dir);
    renamed = true;
    return built;
  } finally {
    if (!renamed) rmSync(temp, { recursive: true, force: true });
  }
}

async function fill(dir: string, options: CreateRealStoreOptions): Promise<Result<CreatedRealStore>> {
  const { input, clock } = options;
  // No seed: openDatabase only migrates. The real store starts with nothing of the demo's.
  const db = openDatabase(join(dir, DATABASE_FILE), { nativeBinding: options.sqliteNativeBinding });
  try {
    const settings = new SqliteSettingsRepo(db);
    const audit = new SqliteAuditLog(db);
    const vault = options.vaultFor?.(dir) ?? new FileVault(dir);
    const storeSettings = new StoreSettingsService({
      settings,
      audit,
      clock,
      runningEnvironment: 'dev',
      storeKind: 'real',
    });
    const users = new UsersAdminService({
      users: new SqliteUsersRepo(db),
      failures: new SqlitePinFailuresRepo(db),
      audit,
      clock,
      endSessionOf: () => undefined,
    });
    audit.append(
      { action: 'store.created', actorUserId: null, subject: 'store', details: { via: 'setup_wizard' } },
      clock.now(),
    );
    const manager = await users.add(
      { name: input.manager.name, role: 'manager', pin: input.manager.pin },
      null,
    );
    if (!manager.ok) return manager;
    const actor = manager.value.id;
    const store = storeSettings.saveStore(
      { name: input.store.name, rfc: input.store.rfc, address: input.store.address },
      actor,
    );
    if (!store.ok) return store;
    if (store.value.rfc === '') {
      return fail('validation_failed', 'El RFC es obligatorio.', {
        issues: [{ path: 'rfc', message: 'required' }],
      });
    }
    storeSettings.setTimeZone(input.store.timeZone, actor);
    // Skipped Kushki: `dev` with no key, so no card payment can move money until the manager sets it
    // up in Oficina → Configuración; never `demo`, whose simulator has no place in the real books.
    const kushki = input.kushki;
    const environment = storeSettings.setEnvironment(
      kushki?.environment ?? 'dev',
      kushki?.environment === 'live' ? kushki.confirm : undefined,
      actor,
    );
    if (!environment.ok) return environment;
    const secrets = new SecretsService({ vault, audit, clock });
    const secretsNotStored: SecretName[] = [];
    const setSecret = (name: SecretName, value: string | undefined) => {
      if (!value) return;
      if (secrets.set(name, value, false, actor).outcome !== 'stored') secretsNotStored.push(name);
    };
    if (kushki) {
      setSecret('kushki.apiKey', kushki.apiKey);
      const terminals = new TerminalsService(settings, clock);
      for (const serial of kushki.terminalSerials) {
        const added = terminals.add(serial, serial);
        if (!added.ok) return added;
      }
    }
    if (input.relay) {
      const relay = storeSettings.saveRelay({ url: input.relay.url, storeId: input.relay.storeId }, actor);
      if (!relay.ok) return relay;
      setSecret('relay.streamToken', input.relay.streamToken);
      setSecret('relay.signingKey', input.relay.signingKey);
    }
    return ok({ managerId: actor, secretsNotStored });
  } finally {
    db.close();
  }
}
