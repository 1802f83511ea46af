/**
 * What the shells hold instead of one booted core (issue 13): the data directory's current store,
 * booted, behind a dispatch and an event bus that stay the same object across a switch. Switching
 * closes the current core (its demo services and relay client with it), boots the other store's
 * database, and tells every page `app.store.switched`, on which the renderer reloads: nothing of
 * the old store's state (cart, session, office caches) can survive in a page. See
 * [Note: demo and real store] in store-location.ts.
 */
import { fail, ok, type Result } from '../domain/result';
import type { StoreKind, StoreSetupInput } from '../domain/store-setup';
import type { Channel, Reply } from '../api/contract';
import type { Dispatch } from '../api/dispatch';
import type { StoreControl } from '../api/handlers/store.handlers';
import { openDatabase } from '../infra/db/open-database';
import { joinAsRegister } from '../infra/registers/join-store-server';
import { classifyExistingStore } from '../infra/seed/classify-store';
import type { AppEvent, EventBus } from '../ports/event-bus.port';
import type { SecretVault } from '../ports/secret-vault.port';
import type { SessionLockReason } from '../domain/session';
import { bootCaja, type BootedCaja, type BootOptions } from './boot';
import { createRealStore } from './create-real-store';
import { ensurePrivateDataDir } from './data-dir';
import { backupBeforeMigration, backupsDirFor, replaceDatabaseWith } from './backups';
import { createMaintenance, startDailyBackups, type HostMaintenance } from './maintenance';
import { nodeTimers } from './node-timers';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyIntegrity } from '../infra/db/backup/sqlite-backup';
import { createEventBus } from './event-bus';
import {
  currentStore,
  DATABASE_FILE,
  initialPointer,
  STORE_POINTER_FILE,
  newStoreLocation,
  pointerWith,
  readStorePointer,
  writeStorePointer,
  type StoreLocation,
  type StorePointer,
} from './store-location';

/** What a transport needs of the core: the same three things whichever store is open. */
export interface HostedCore {
  dispatch: Dispatch;
  events: EventBus;
  lockSession(reason: SessionLockReason): void;
}

/**
 * What the register server needs of the core (issue 17): one register's dispatch, its events and
 * its lock, always on the store that is open now (a switch or a restore moves them to the new core).
 */
export interface HostedRegisters {
  dispatchFor(registerId: number): Dispatch;
  /** That register's events, plus `app.store.switched` (on which its windows start over). */
  eventsFor(registerId: number): Pick<EventBus, 'subscribe'>;
  lockRegister(registerId: number, reason: SessionLockReason): void;
}

/** The running store host. */
export interface StoreHost {
  core: HostedCore & HostedRegisters;
  /** The booted store, for shells and tests that need more than the transport does. */
  current(): BootedCaja;
  kind(): StoreKind;
  switchTo(kind: StoreKind): Promise<Result<{ kind: StoreKind }>>;
  /** Logs and backups of the open store (issue 16). */
  maintenance: HostMaintenance;
  close(): Promise<void>;
}

/** Boot options, with the data directory's root and a vault per store directory. */
export interface StoreHostOptions extends Omit<BootOptions, 'vault' | 'storeKind' | 'store' | 'maintenance'> {
  /** The vault of one store directory (the desktop's safeStorage); default the 0600-file vault. */
  vaultFor?: (storeDir: string) => SecretVault;
  /** Pages per backup step (tests slow a backup down to kill it mid-way); SQLite's 100 by default. */
  backupPagesPerStep?: number;
}

const SWITCHING: Reply<Channel> = {
  ok: false,
  error: { code: 'unavailable', message: 'Cambiando de tienda; intente de nuevo en un momento.' },
};

/** Reads (or, on a data dir without one, classifies and writes) the pointer, then boots the current store. */
export async function startStoreHost(options: StoreHostOptions): Promise<StoreHost> {
  const { dataDir, logger } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  ensurePrivateDataDir(dataDir);
  // Before anything migrates (the root store's classification opens it): see backupBeforeMigration.
  const preMigration = (storeDir: string, databaseFile: string) =>
    backupBeforeMigration({
      databaseFile,
      dir: backupsDirFor(dataDir, storeDir),
      now: clock.now(),
      nativeBinding: options.sqliteNativeBinding,
      logger,
    });
  if (!existsSync(join(dataDir, STORE_POINTER_FILE))) {
    await preMigration(dataDir, join(dataDir, DATABASE_FILE));
  }
  let pointer: StorePointer =
    readStorePointer(dataDir) ??
    (() => {
      const first = initialPointer(dataDir, (file) => {
        const db = openDatabase(file, { nativeBinding: options.sqliteNativeBinding });
        try {
          return classifyExistingStore(db);
        } finally {
          db.close();
        }
      });
      writeStorePointer(dataDir, first);
      logger.info('store pointer written', { current: first.current, stores: first.stores });
      return first;
    })();

  const events = createEventBus(logger);
  const registerFollowers = new Set<RegisterFollower>();
  let caja: BootedCaja;
  let unpipe: () => void = () => undefined;
  let switching = false;

  let open: StoreLocation = currentStore(dataDir);
  const boot = async (location: StoreLocation): Promise<BootedCaja> => {
    await preMigration(location.dir, location.databaseFile);
    const booted = await bootCaja({
      ...options,
      dataDir: location.dir,
      storeKind: location.kind,
      store: control(location.kind),
      maintenance,
      ...(options.vaultFor ? { vault: options.vaultFor(location.dir) } : {}),
    });
    unpipe = booted.core.events.subscribe(({ event, payload }) => events.emit(event, payload as never));
    for (const follower of registerFollowers) follower.follow(booted);
    open = location;
    return booted;
  };

  const locationOf = (kind: StoreKind): StoreLocation | null => {
    const here = currentStore(dataDir);
    if (here.kind === kind) return here;
    return here.other;
  };

  const switchTo = async (kind: StoreKind): Promise<Result<{ kind: StoreKind }>> => {
    if (switching) return fail('conflict', 'Ya se está cambiando de tienda.');
    if (kind === pointer.current) return ok({ kind });
    // No payment may be in flight: its verification lives in this core, and the other store's
    // engine would never learn how it ended. Unknown ones count too (Caja keeps verifying them).
    const inFlight = caja.core.salesWithPaymentInFlight();
    if (inFlight.length > 0) {
      return fail(
        'conflict',
        `No se puede cambiar de tienda: hay un cobro con tarjeta en curso o sin confirmar ` +
          `(venta ${inFlight.join(', ')}). Espere a que termine o resuélvalo en Oficina → Pendientes.`,
      );
    }
    let target = locationOf(kind);
    let nextPointer: StorePointer;
    if (target) {
      nextPointer = pointerWith(pointer, kind);
    } else if (kind === 'demo') {
      // A real store that never had a demo beside it: a fresh one, seeded on its first boot.
      target = newStoreLocation(dataDir, 'demo');
      nextPointer = pointerWith(pointer, 'demo', 'stores/demo');
    } else {
      return fail('not_found', 'Todavía no hay tienda real: créela con «Configurar mi tienda».');
    }
    switching = true;
    const previous = currentStore(dataDir);
    try {
      unpipe();
      await caja.close();
      try {
        caja = await boot(target);
      } catch (error) {
        // The other store would not open: the one that was open opens again, the pointer unchanged.
        logger.error('could not open the other store', { kind, error });
        caja = await boot(previous);
        return fail('unavailable', 'No se pudo abrir la otra tienda; sigue abierta la misma.');
      }
      writeStorePointer(dataDir, nextPointer);
      pointer = nextPointer;
      logger.info('store switched', { kind });
      events.emit('app.store.switched', { kind });
      return ok({ kind });
    } finally {
      switching = false;
    }
  };

  function control(kind: StoreKind): StoreControl {
    return {
      kind,
      realExists: () => pointer.stores.real !== undefined,
      createReal: async (input: StoreSetupInput) => {
        if (pointer.stores.real) return fail('conflict', 'La tienda real ya existe.');
        const created = await createRealStore({
          target: newStoreLocation(dataDir, 'real'),
          input,
          clock: options.clock ?? { now: () => Date.now() },
          sqliteNativeBinding: options.sqliteNativeBinding,
          vaultFor: options.vaultFor,
        });
        if (!created.ok) return created;
        // Recorded before it opens, so a crash between the two still finds it (and never a second one).
        pointer = { ...pointer, stores: { ...pointer.stores, real: 'stores/real' } };
        writeStorePointer(dataDir, pointer);
        logger.info('real store created', { managerId: created.value.managerId });
        return ok({ secretsNotStored: created.value.secretsNotStored });
      },
      switchTo,
      // Into the data directory itself, as `--join` writes it, whichever store is open (the demo).
      join: (input) =>
        joinAsRegister(
          dataDir,
          { serverUrl: input.serverUrl, pairingCode: input.pairingCode, name: input.registerName },
          { logger, ...(options.vaultFor ? { vault: options.vaultFor(dataDir) } : {}) },
        ),
    };
  }

  /**
   * Restores backup `name` of the open store (issue 16, item 4): refused while a card payment is in
   * flight (as a switch is); the open database is backed up first (`pre-restore`), the store closed,
   * the verified copy put in place, and the store booted again on it (migrating it if it is older).
   * Should the restored copy not open, the pre-restore copy goes back and the store opens as it was.
   */
  const restore = async (name: string): Promise<Result<{ restored: string; safetyBackup: string }>> => {
    if (switching)
      return fail('conflict', 'Caja está cambiando de tienda o restaurando; intente en un momento.');
    const inFlight = caja.core.salesWithPaymentInFlight();
    if (inFlight.length > 0) {
      return fail(
        'conflict',
        `No se puede restaurar: hay un cobro con tarjeta en curso o sin confirmar (venta ${inFlight.join(', ')}).`,
      );
    }
    const location = open;
    const file = join(backupsDirFor(dataDir, location.dir), name);
    if (!existsSync(file)) return fail('not_found', 'Ese respaldo ya no existe.');
    try {
      verifyIntegrity(file, options.sqliteNativeBinding);
    } catch (error) {
      return fail('conflict', (error as Error).message);
    }
    switching = true;
    try {
      const safety = await maintenance.take('pre-restore');
      unpipe();
      await caja.close();
      try {
        replaceDatabaseWith(file, location.databaseFile, options.sqliteNativeBinding);
        caja = await boot(location);
      } catch (error) {
        logger.error('restored copy did not open; putting the previous database back', { name, error });
        replaceDatabaseWith(
          join(maintenance.backupsDir(), safety.name),
          location.databaseFile,
          options.sqliteNativeBinding,
        );
        caja = await boot(location);
        return fail('unavailable', 'No se pudo abrir el respaldo; la tienda sigue como estaba.');
      }
      logger.info('backup restored', { name, safetyBackup: safety.name, kind: location.kind });
      events.emit('app.store.switched', { kind: location.kind });
      return ok({ restored: name, safetyBackup: safety.name });
    } finally {
      switching = false;
    }
  };

  const maintenance: HostMaintenance = createMaintenance({
    dataDir,
    open: () => ({ dir: open.dir, databaseFile: open.databaseFile, settings: caja.core.settings }),
    clock,
    logger,
    nativeBinding: options.sqliteNativeBinding,
    restore,
    ...(options.backupPagesPerStep ? { pagesPerStep: options.backupPagesPerStep } : {}),
  });

  caja = await boot(currentStore(dataDir));
  const stopDaily = startDailyBackups(maintenance, { clock, timers: options.timers ?? nodeTimers, logger });
  return {
    maintenance,
    core: {
      dispatch: (channel, args) =>
        switching ? Promise.resolve(SWITCHING) : caja.core.dispatch(channel, args),
      events,
      lockSession: (reason) => caja.core.lockSession(reason),
      dispatchFor: (registerId) => (channel, args) =>
        switching ? Promise.resolve(SWITCHING) : caja.core.dispatchFor(registerId)(channel, args),
      eventsFor: (registerId) => ({
        subscribe: (listener) => {
          const follower = followRegister(registerId, listener, events);
          registerFollowers.add(follower);
          follower.follow(caja);
          return () => {
            registerFollowers.delete(follower);
            follower.stop();
          };
        },
      }),
      lockRegister: (registerId, reason) => {
        if (!switching) caja.core.lockRegister(registerId, reason);
      },
    },
    current: () => caja,
    kind: () => pointer.current,
    switchTo,
    async close() {
      stopDaily();
      await maintenance.idle();
      unpipe();
      await caja.close();
    },
  };
}

/** One register link's subscription, moved to each core the host boots. */
interface RegisterFollower {
  follow(booted: BootedCaja): void;
  stop(): void;
}

function followRegister(
  registerId: number,
  listener: (event: AppEvent) => void,
  hostEvents: EventBus,
): RegisterFollower {
  let fromCore: () => void = () => undefined;
  // The switch itself is the host's event, not a core's: the register's windows reload on it too.
  const fromHost = hostEvents.subscribe((event) => {
    if (event.event === 'app.store.switched') listener(event);
  });
  return {
    follow(booted) {
      fromCore();
      fromCore = booted.core.eventsFor(registerId).subscribe(listener);
    },
    stop() {
      fromCore();
      fromHost();
    },
  };
}
