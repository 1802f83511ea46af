// Store administration: create stores, rotate their credentials, read their event log. Used by the CLI, by
// tests and by the app's demo mode. Each credential is returned once, at creation or rotation, and never again.
import { z } from 'zod';
import type { RelayStorage, StoredEvent } from '../storage/storage';
import { openSqliteStorage } from '../storage/sqlite-storage';
import { openPgStorage } from '../storage/pg-storage';
import { silentLogger } from '../ops/logger';
import { generateSigningKey } from '../protocol/signature';
import { hashCredential, ingressPathFor, newIngressSecret, newStoreId, newStreamToken } from './credentials';

/** Expected admin failures, as data. */
export type AdminError = { code: 'unknown_store' } | { code: 'invalid_input'; reason: string };
/** Result envelope of admin operations. */
export type AdminResult<T> = { ok: true; value: T } | { ok: false; error: AdminError };

/** Everything a new store needs, shown once. */
export interface NewStoreCredentials {
  storeId: string;
  name: string;
  ingressPath: string;
  streamToken: string;
  signingKey: string;
}

/** A store without any credential. */
export interface StoreSummary {
  storeId: string;
  name: string;
  createdAt: number;
  lastSeq: number;
  ackedSeq: number;
}

/** One stored event as the `events` command prints it. */
export interface EventRecord {
  seq: number;
  id: string;
  receivedAt: number;
  bpSignature: StoredEvent['bpSignature'];
  payload: Record<string, unknown>;
}

/** Default time the previous ingress secret keeps working after a rotation: Kushki retries for ~6 min. */
export const DEFAULT_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/** Store admin operations over a storage port. */
export interface StoreAdmin {
  addStore(input: { name: string }): Promise<AdminResult<NewStoreCredentials>>;
  listStores(): Promise<StoreSummary[]>;
  rotateToken(storeId: string): Promise<AdminResult<{ storeId: string; streamToken: string }>>;
  rotateSecret(
    storeId: string,
    options?: { graceMs?: number },
  ): Promise<AdminResult<{ storeId: string; ingressPath: string; previousValidUntil: number | null }>>;
  rotateSigningKey(storeId: string): Promise<AdminResult<{ storeId: string; signingKey: string }>>;
  listEvents(storeId: string, sinceSeq?: number, limit?: number): Promise<AdminResult<EventRecord[]>>;
}

const nameSchema = z.string().trim().min(1).max(100);

/** Notified after a credential changes, so a running relay can drop sessions using a revoked token. */
export type CredentialsChanged = (storeId: string, what: 'token' | 'secret' | 'signingKey') => void;

/** Builds the admin operations over `storage`. */
export function createStoreAdmin(storage: RelayStorage, onChanged?: CredentialsChanged): StoreAdmin {
  const unknown = { ok: false, error: { code: 'unknown_store' } } as const;
  return {
    async addStore(input) {
      const name = nameSchema.safeParse(input.name);
      if (!name.success)
        return { ok: false, error: { code: 'invalid_input', reason: 'name must be 1-100 chars' } };
      const storeId = newStoreId();
      const secret = newIngressSecret();
      const streamToken = newStreamToken();
      const signingKey = generateSigningKey();
      await storage.createStore({
        id: storeId,
        name: name.data,
        createdAt: Date.now(),
        secretHash: hashCredential(secret),
        prevSecretHash: null,
        prevSecretExpiresAt: null,
        tokenHash: hashCredential(streamToken),
        signingKey,
      });
      return {
        ok: true,
        value: {
          storeId,
          name: name.data,
          ingressPath: ingressPathFor(storeId, secret),
          streamToken,
          signingKey,
        },
      };
    },
    async listStores() {
      return (await storage.listStores()).map((s) => ({
        storeId: s.id,
        name: s.name,
        createdAt: s.createdAt,
        lastSeq: s.lastSeq,
        ackedSeq: s.ackedSeq,
      }));
    },
    async rotateToken(storeId) {
      const streamToken = newStreamToken();
      // The old token stops working at once: rotation is the answer to a leak, so no grace period.
      if (!(await storage.updateCredentials(storeId, { tokenHash: hashCredential(streamToken) })))
        return unknown;
      onChanged?.(storeId, 'token');
      return { ok: true, value: { storeId, streamToken } };
    },
    async rotateSecret(storeId, options = {}) {
      const store = await storage.getStore(storeId);
      if (!store) return unknown;
      const graceMs = options.graceMs ?? DEFAULT_SECRET_GRACE_MS;
      if (!Number.isSafeInteger(graceMs) || graceMs < 0) {
        return {
          ok: false,
          error: { code: 'invalid_input', reason: 'graceMs must be a non-negative integer' },
        };
      }
      const secret = newIngressSecret();
      const previousValidUntil = graceMs > 0 ? Date.now() + graceMs : null;
      await storage.updateCredentials(storeId, {
        secretHash: hashCredential(secret),
        prevSecretHash: previousValidUntil === null ? null : store.secretHash,
        prevSecretExpiresAt: previousValidUntil,
      });
      onChanged?.(storeId, 'secret');
      return {
        ok: true,
        value: { storeId, ingressPath: ingressPathFor(storeId, secret), previousValidUntil },
      };
    },
    async rotateSigningKey(storeId) {
      const signingKey = generateSigningKey();
      if (!(await storage.updateCredentials(storeId, { signingKey }))) return unknown;
      onChanged?.(storeId, 'signingKey');
      return { ok: true, value: { storeId, signingKey } };
    },
    async listEvents(storeId, sinceSeq = 0, limit = 1000) {
      if (!(await storage.getStore(storeId))) return unknown;
      const rows = await storage.readEvents(storeId, sinceSeq, limit);
      return {
        ok: true,
        value: rows.map((e) => ({
          seq: e.seq,
          id: e.id,
          receivedAt: e.receivedAt,
          bpSignature: e.bpSignature,
          payload: JSON.parse(e.payload) as Record<string, unknown>,
        })),
      };
    },
  };
}

/** Opens the SQLite database of `dataDir` for admin work; call close() when done. */
export function openStoreAdmin(dataDir: string): StoreAdmin & { close(): Promise<void> } {
  const storage = openSqliteStorage(dataDir, { writer: 'inline' });
  return { ...createStoreAdmin(storage), close: () => storage.close() };
}

/** Opens admin work on PostgreSQL (`databaseUrl`) or SQLite (`dataDir`); call close() when done. */
export async function openStoreAdminAt(
  where: { dataDir: string } | { databaseUrl: string },
): Promise<StoreAdmin & { close(): Promise<void> }> {
  if ('dataDir' in where) return openStoreAdmin(where.dataDir);
  // One-shot admin commands need neither LISTEN nor stream locks.
  const storage = await openPgStorage({
    databaseUrl: where.databaseUrl,
    logger: silentLogger,
    coordinate: false,
    poolSize: 2,
  });
  return { ...createStoreAdmin(storage), close: () => storage.close() };
}
