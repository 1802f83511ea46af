// Library entry of the relay: run it in-process (tests, the app's demo mode), administer stores, and the small
// pure pieces a stream client needs. The wire protocol itself is specified in relay/PROTOCOL.md.
export { createRelay } from './relay';
export type { RelayHandle, RelayWiring } from './relay';
export type { RelayOptionsInput, RelayConfig } from './config';
export {
  createStoreAdmin,
  openStoreAdmin,
  openStoreAdminAt,
  DEFAULT_SECRET_GRACE_MS,
} from './stores/store-admin';
export type {
  StoreAdmin,
  AdminResult,
  AdminError,
  NewStoreCredentials,
  StoreSummary,
  EventRecord,
} from './stores/store-admin';
export type {
  RelayStorage,
  RelayCoordination,
  StoreRecord,
  StoredEvent,
  NewEvent,
  AppendOutcome,
} from './storage/storage';
export { openSqliteStorage } from './storage/sqlite-storage';
export { openPgStorage } from './storage/pg-storage';
export type { PgStorageOptions } from './storage/pg-storage';
export { createLogger, silentLogger } from './ops/logger';
export type { Logger, LogLevel } from './ops/logger';
export * from './protocol/messages';
export * from './protocol/signature';
export * from './protocol/verify-frame';
