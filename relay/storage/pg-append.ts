// appendEvents on PostgreSQL: one transaction per call, in four statements whatever the batch size.
// [Note: pg seq assignment] Each store's row in `stores` is its sequence counter, and the transaction locks the
// rows of every store in the batch (FOR UPDATE, in id order so two batches never deadlock) before anything else.
// So appends to one store are serialised across every instance: the next writer gets the lock only after this one
// committed or rolled back. That gives, per store:
// - no gap a reader can see: seq n+1 is assigned only after the transaction holding n has finished, so n+1 can
//   never be committed (and visible) while n is not; a rolled-back transaction never moved last_seq;
// - exact dedupe: under the lock every earlier event of the store is committed and visible to the duplicate check
//   (READ COMMITTED takes a fresh snapshot per statement). ON CONFLICT DO NOTHING on (store_id, dedupe_key) stays
//   as a second line: an insert that found a conflict anyway fails the whole call, which rolls back (503) rather
//   than leave a seq without its event.
// The NOTIFY is queued inside the transaction, so PostgreSQL delivers it only after COMMIT, to every instance.
import type { ClientBase } from 'pg';
import type { AppendOutcome, NewEvent } from './storage';
import { EVENTS_CHANNEL } from './pg-keys';

const keyOf = (storeId: string, dedupeKey: string): string => `${storeId}\u0000${dedupeKey}`;

/** Runs one append inside an already-begun transaction on `client`; the caller commits or rolls back. */
export async function appendInTransaction(
  client: ClientBase,
  batch: readonly NewEvent[],
  notAfter: number | undefined,
  now: () => number,
): Promise<AppendOutcome[]> {
  const storeIds = [...new Set(batch.map((e) => e.storeId))].sort();
  const locked = await client.query<{ id: string; last_seq: number | string }>(
    'SELECT id, last_seq FROM stores WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
    [storeIds],
  );
  // Checked after the locks, which is where a call can wait longest: an expired call writes nothing.
  if (notAfter !== undefined && now() > notAfter) return batch.map(() => ({ kind: 'expired' }));
  // Number(): int8 arrives as text unless the connection has the adapter's type parser; the arithmetic below must
  // never be string concatenation ('0' + 1 is '01'), whoever hands in the client.
  const lastSeq = new Map(locked.rows.map((r) => [r.id, Number(r.last_seq)]));
  const candidates = batch.filter((e) => lastSeq.has(e.storeId));
  const known = new Map<string, { seq: number; id: string }>();
  if (candidates.length > 0) {
    const existing = await client.query<{
      store_id: string;
      dedupe_key: string;
      seq: number | string;
      id: string;
    }>(
      `SELECT store_id, dedupe_key, seq, id FROM events
       WHERE (store_id, dedupe_key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [candidates.map((e) => e.storeId), candidates.map((e) => e.dedupeKey)],
    );
    for (const r of existing.rows)
      known.set(keyOf(r.store_id, r.dedupe_key), { seq: Number(r.seq), id: r.id });
  }
  const outcomes: AppendOutcome[] = [];
  const fresh: (NewEvent & { seq: number })[] = [];
  for (const e of batch) {
    const last = lastSeq.get(e.storeId);
    if (last === undefined) {
      outcomes.push({ kind: 'unknown_store' });
      continue;
    }
    const dup = known.get(keyOf(e.storeId, e.dedupeKey));
    if (dup) {
      outcomes.push({ kind: 'duplicate', seq: dup.seq, id: dup.id });
      continue;
    }
    const event = { ...e, seq: last + 1 };
    lastSeq.set(e.storeId, event.seq);
    // A second copy later in this same batch is a duplicate of this one, as in SQLite.
    known.set(keyOf(e.storeId, e.dedupeKey), { seq: event.seq, id: e.id });
    fresh.push(event);
    outcomes.push({ kind: 'stored', event });
  }
  if (fresh.length === 0) return outcomes;
  const inserted = await client.query(
    `INSERT INTO events (store_id, seq, id, received_at, dedupe_key, bp_signature, payload)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[])
     ON CONFLICT (store_id, dedupe_key) DO NOTHING`,
    [
      fresh.map((e) => e.storeId),
      fresh.map((e) => e.seq),
      fresh.map((e) => e.id),
      fresh.map((e) => e.receivedAt),
      fresh.map((e) => e.dedupeKey),
      fresh.map((e) => e.bpSignature),
      fresh.map((e) => e.payload),
    ],
  );
  if (inserted.rowCount !== fresh.length) {
    throw new Error('dedupe conflict under the store lock; the append is rolled back');
  }
  const before = new Map(locked.rows.map((r) => [r.id, Number(r.last_seq)]));
  const advanced = [...lastSeq].filter(([id, seq]) => seq !== before.get(id));
  await client.query(
    `UPDATE stores SET last_seq = v.seq FROM unnest($1::text[], $2::bigint[]) AS v(id, seq) WHERE stores.id = v.id`,
    [advanced.map(([id]) => id), advanced.map(([, seq]) => seq)],
  );
  // Only the store id and its new last seq travel: a listener reads the events from the table if it streams them.
  await client.query(
    `SELECT pg_notify($1, v.id || ':' || v.seq) FROM unnest($2::text[], $3::bigint[]) AS v(id, seq)`,
    [EVENTS_CHANNEL, advanced.map(([id]) => id), advanced.map(([, seq]) => seq)],
  );
  return outcomes;
}
