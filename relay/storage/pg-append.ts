// appendEvents on PostgreSQL. [Note: pg append in one round trip] The whole append is one call of the
// `relay_append` function (pg-migrations.ts, v2), sent as a single statement: outside an explicit transaction it is
// its own transaction, committed before the answer comes back, so a batch costs one network round trip whatever
// its size, and a store's row lock is held only for the server's own work and the commit, never across a round
// trip to the relay (four of them under the lock before: the convoy on a busy store behind ingress's 503s under
// load, issue 18).
// [Note: pg seq assignment] Each store's row in `stores` is its sequence counter, and the call locks the rows of
// every store in the batch (FOR UPDATE, in id order so two batches never deadlock) before anything else. So
// appends to one store are serialised across every instance: the next writer gets the lock only after this one
// committed or rolled back. That gives, per store:
// - no gap a reader can see: seq n+1 is assigned only after the transaction holding n has finished, so n+1 can
//   never be committed (and visible) while n is not; a rolled-back transaction never moved last_seq;
// - exact dedupe: under the lock every earlier event of the store is committed and visible to the duplicate check
//   (READ COMMITTED takes a fresh snapshot per statement). ON CONFLICT DO NOTHING on (store_id, dedupe_key) stays
//   as a second line: an insert that found a conflict anyway fails the whole call, which rolls back (503) rather
//   than leave a seq without its event.
// The NOTIFY (once per store per call) is queued inside the transaction, so PostgreSQL delivers it only after
// COMMIT, to every instance.
import type { ClientBase } from 'pg';
import type { AppendOutcome, NewEvent } from './storage';
import { EVENTS_CHANNEL } from './pg-keys';

interface OutcomeRow {
  kind: string;
  // int8 arrives as text unless the connection has the adapter's type parser: read through Number() either way.
  seq: number | string | null;
  event_id: string | null;
}

/**
 * Appends `batch` on `client`: alone, the call is its own transaction (committed when this resolves); inside a
 * transaction the caller has begun, it joins it and the caller commits or rolls back (the tests do, to hold one
 * open). `notAfter` is turned into the time left now, and the database refuses the call if its lock wait uses it up.
 */
export async function appendBatch(
  client: ClientBase,
  batch: readonly NewEvent[],
  notAfter: number | undefined,
  now: () => number,
): Promise<AppendOutcome[]> {
  const budgetMs = notAfter === undefined ? null : notAfter - now();
  if (budgetMs !== null && budgetMs < 0) return batch.map(() => ({ kind: 'expired' }));
  const r = await client.query<OutcomeRow>(
    'SELECT kind, seq, event_id FROM relay_append($1, $2, $3, $4, $5, $6, $7, $8)',
    [
      batch.map((e) => e.storeId),
      batch.map((e) => e.id),
      batch.map((e) => e.receivedAt),
      batch.map((e) => e.dedupeKey),
      batch.map((e) => e.bpSignature),
      batch.map((e) => e.payload),
      budgetMs,
      EVENTS_CHANNEL,
    ],
  );
  if (r.rows.length !== batch.length) throw new Error('relay_append answered the wrong number of outcomes');
  return r.rows.map((row, i): AppendOutcome => {
    const e = batch[i]!;
    switch (row.kind) {
      case 'stored':
        return { kind: 'stored', event: { ...e, seq: Number(row.seq) } };
      case 'duplicate':
        return { kind: 'duplicate', seq: Number(row.seq), id: row.event_id ?? '' };
      case 'unknown_store':
        return { kind: 'unknown_store' };
      case 'expired':
        return { kind: 'expired' };
      default:
        throw new Error(`relay_append answered an unknown outcome: ${row.kind}`);
    }
  });
}
