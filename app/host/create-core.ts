import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { appHandlers } from '../api/handlers/app.handlers';
import { catalogHandlers } from '../api/handlers/catalog.handlers';
import { salesHandlers } from '../api/handlers/sales.handlers';
import { createDispatch, type Dispatch } from '../api/dispatch';
import type { ShellKind } from '../api/contract';
import { SqliteAuditLog } from '../infra/db/audit.repo';
import { SqliteCatalogRepo } from '../infra/db/catalog.repo';
import { openDatabase } from '../infra/db/open-database';
import { SqliteSalesRepo } from '../infra/db/sales.repo';
import { SqliteSettingsRepo } from '../infra/db/settings.repo';
import { seedDemoIfEmpty } from '../infra/seed/seed-demo';
import type { Clock } from '../ports/clock.port';
import type { EventBus } from '../ports/event-bus.port';
import type { Logger } from '../ports/logger.port';
import { CartService } from '../services/cart.service';
import { CatalogService } from '../services/catalog.service';
import { PreferencesService } from '../services/preferences.service';
import { createEventBus } from './event-bus';

/** What a shell tells the core about itself. */
export interface CoreOptions {
  dataDir: string;
  shell: ShellKind;
  logger: Logger;
  clock?: Clock;
  /** See OpenDatabaseOptions.nativeBinding. */
  sqliteNativeBinding?: string | undefined;
}

/** The running core: one dispatch and one event bus for whichever transport hosts it. */
export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  /** The database file in use (for logs; never sent to the renderer). */
  databaseFile: string;
  close(): void;
}

/** The database file inside a data directory. */
export function databaseFileIn(dataDir: string): string {
  return join(dataDir, 'caja.sqlite');
}

/**
 * Composition root used by both shells: opens and migrates the database, seeds the demo store on a
 * fresh data directory, builds services and handlers, and returns the transport-agnostic dispatch.
 */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? { now: () => Date.now() };
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const databaseFile = databaseFileIn(options.dataDir);
  const db: Database = openDatabase(databaseFile, { nativeBinding: options.sqliteNativeBinding });
  if (seedDemoIfEmpty(db, clock.now())) options.logger.info('seeded demo store', { databaseFile });

  const events = createEventBus(options.logger);
  const catalogRepo = new SqliteCatalogRepo(db);
  const preferences = new PreferencesService(new SqliteSettingsRepo(db), events, clock);
  const cart = new CartService({
    catalog: catalogRepo,
    sales: new SqliteSalesRepo(db),
    audit: new SqliteAuditLog(db),
    events,
    clock,
  });

  const dispatch = createDispatch(
    {
      ...appHandlers({ preferences, shell: options.shell, version: process.env.CAJA_VERSION ?? '0.0.0-dev' }),
      ...catalogHandlers(new CatalogService(catalogRepo)),
      ...salesHandlers(cart),
    },
    options.logger,
  );
  return { dispatch, events, databaseFile, close: () => db.close() };
}
