// Advisory-lock keys and NOTIFY channels shared by every relay instance on one PostgreSQL database.
// [Note: pg advisory keys] Keys are 64-bit: a store's key is the first 8 bytes of SHA-256("relay-stream:" + id),
// so two stores colliding (and then never streaming on two different instances at once) is a 2^-64 event, where
// hashtext()'s 32 bits would collide among a few tens of thousands of stores. The fixed keys below are outside
// that space only by improbability, which is the same bound.
import { createHash } from 'node:crypto';

/** Held (transaction-scoped) while migrating, so instances starting together do not race. */
export const MIGRATION_LOCK_KEY = '7305092318800001';
/** Held (transaction-scoped) per retention chunk: retention runs on one instance at a time. */
export const RETENTION_LOCK_KEY = '7305092318800002';

/** NOTIFY channel of new events: the payload is `<storeId>:<lastSeq>` and nothing else. */
export const EVENTS_CHANNEL = 'relay_events';
/** NOTIFY channel asking whoever holds a store's stream to let go: the payload is the store id. */
export const TAKEOVER_CHANNEL = 'relay_stream_takeover';

/** The advisory-lock key of a store's stream, as a decimal string (pg sends int8 parameters as text). */
export function streamLockKey(storeId: string): string {
  return createHash('sha256').update(`relay-stream:${storeId}`).digest().readBigInt64BE(0).toString();
}
