// The write side of the SQLite store. [Note: stringified writer] createWriteOps and writerMain are turned into
// source text with Function.prototype.toString and run in a worker thread (sqlite-writer.ts), because the relay
// ships as one bundled file (scripts/build-node.mjs) and a worker needs code it can load. So both functions must
// stay self-contained: no imports, no references to anything outside their own bodies, types only.
import type Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { AppendOutcome, CredentialPatch, NewEvent, StoreRecord } from './storage';

/**
 * An append's outcome as the writer returns it: a stored event is only its seq, since the caller holds the event
 * it sent (echoing each payload back doubled the structured-clone work of the hop to the writer thread).
 */
export type WrittenOutcome = Exclude<AppendOutcome, { kind: 'stored' }> | { kind: 'stored'; seq: number };

/** One caller's batch and its deadline (epoch ms), as merged by the writer. */
export type AppendCall = readonly [batch: readonly NewEvent[], notAfter: number | undefined];

/** A store row as inserted. */
export type NewStoreRow = Omit<StoreRecord, 'lastSeq' | 'ackedSeq'>;

/** Every write the relay makes, on one connection. See [Note: storage contract] in storage.ts. */
export function createWriteOps(db: Database.Database) {
  // Measured on this project's machines (README "Performance"): checkpointing every 1,000 pages (the default)
  // stalled a commit every few batches (p99 commit 15-18 ms); every 10,000 pages (~40 MB of WAL) coalesces more
  // page writes per checkpoint and brought p99 to ~4 ms. A larger page cache keeps the hot index pages resident.
  // Both are per connection: they apply to whichever connection writes (the thread's, or the relay's own inline).
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('cache_size = -32768');
  const q = {
    insertStore: db.prepare(
      `INSERT INTO stores (id, name, created_at, secret_hash, prev_secret_hash, prev_secret_expires_at,
        token_hash, signing_key) VALUES (@id, @name, @createdAt, @secretHash, @prevSecretHash,
        @prevSecretExpiresAt, @tokenHash, @signingKey)`,
    ),
    findDup: db.prepare('SELECT seq, id FROM events WHERE store_id = ? AND dedupe_key = ?'),
    nextSeq: db.prepare('UPDATE stores SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq'),
    insertEvent: db.prepare(
      `INSERT INTO events (store_id, seq, id, received_at, dedupe_key, bp_signature, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    saveAck: db.prepare('UPDATE stores SET acked_seq = MAX(acked_seq, ?) WHERE id = ?'),
    prune: db.prepare(
      'DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE received_at < ? LIMIT ?)',
    ),
    exists: db.prepare('SELECT 1 FROM stores WHERE id = ?'),
  };
  const cols = {
    secretHash: 'secret_hash',
    prevSecretHash: 'prev_secret_hash',
    prevSecretExpiresAt: 'prev_secret_expires_at',
    tokenHash: 'token_hash',
    signingKey: 'signing_key',
  } as const;

  const appendOne = (batch: readonly NewEvent[]): WrittenOutcome[] => {
    const out: WrittenOutcome[] = [];
    for (const e of batch) {
      const dup = q.findDup.get(e.storeId, e.dedupeKey) as { seq: number; id: string } | undefined;
      if (dup) {
        out.push({ kind: 'duplicate', seq: dup.seq, id: dup.id });
        continue;
      }
      const next = q.nextSeq.get(e.storeId) as { last_seq: number } | undefined;
      if (!next) {
        out.push({ kind: 'unknown_store' });
        continue;
      }
      q.insertEvent.run(e.storeId, next.last_seq, e.id, e.receivedAt, e.dedupeKey, e.bpSignature, e.payload);
      out.push({ kind: 'stored', seq: next.last_seq });
    }
    return out;
  };
  // Several callers' batches in one transaction: one fsync for all of them (group commit).
  const appendMany = db.transaction((calls: readonly AppendCall[]): WrittenOutcome[][] => {
    const now = Date.now();
    return calls.map(([batch, notAfter]) =>
      notAfter !== undefined && notAfter < now ? batch.map(() => ({ kind: 'expired' })) : appendOne(batch),
    );
  });
  const saveAcks = db.transaction((acks: readonly [string, number][]) => {
    for (const [storeId, seq] of acks) q.saveAck.run(seq, storeId);
  });

  return {
    /** One durable transaction; BEGIN IMMEDIATE so a concurrent admin writer waits instead of deadlocking. */
    append: (batch: readonly NewEvent[], notAfter?: number): WrittenOutcome[] =>
      appendMany.immediate([[batch, notAfter]])[0] ?? [],
    appendMany: (calls: readonly AppendCall[]): WrittenOutcome[][] => appendMany.immediate(calls),
    saveAcks: (acks: readonly [string, number][]): void => saveAcks.immediate(acks),
    prune: (cutoff: number, limit: number): number => q.prune.run(cutoff, limit).changes,
    createStore: (row: NewStoreRow): void => void q.insertStore.run(row),
    updateCredentials: (id: string, patch: CredentialPatch): boolean => {
      const keys = (Object.keys(patch) as (keyof CredentialPatch)[]).filter((k) => patch[k] !== undefined);
      if (keys.length === 0) return q.exists.get(id) !== undefined;
      const sql = `UPDATE stores SET ${keys.map((k) => `${cols[k]} = @${k}`).join(', ')} WHERE id = @id`;
      return db.prepare(sql).run({ ...patch, id }).changes === 1;
    },
    /** Folds the WAL into the main file so a copied data dir is one self-contained file. */
    close: (): void => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

/** The write operations, by name. */
export type WriteOps = ReturnType<typeof createWriteOps>;
/** Name of one write operation. */
export type WriteOpName = keyof WriteOps;
/** A request to the writer thread. */
export interface WriteRequest {
  id: number;
  op: WriteOpName;
  args: unknown[];
}
/** The writer thread's answer to one request. */
export type WriteReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
/** One message from the writer thread: the answers of one transaction (or one other operation) together. */
export interface WriterMessage {
  replies: WriteReply[];
  stats?: WriterStats;
}

/** Cumulative group-commit figures of the writer: transactions, webhooks written, seconds spent. */
export interface WriterStats {
  transactions: number;
  events: number;
  seconds: number;
}

/** Body of the writer thread. Self-contained; see [Note: stringified writer]. */
export function writerMain(makeOps: typeof createWriteOps): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- runs as an eval'd CommonJS worker script
  const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads') as {
    parentPort: MessagePort | null;
    workerData: { file: string; sqliteModule: string };
    receiveMessageOnPort: (port: MessagePort) => { message: unknown } | undefined;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Db = require(workerData.sqliteModule) as typeof Database;
  const db = new Db(workerData.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const ops = makeOps(db);
  const byName = ops as unknown as Record<string, (...args: unknown[]) => unknown>;
  const fail = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  const port = parentPort;
  if (!port) return;
  // One message per transaction, not per request: every batch a group commit merged is answered by one hop.
  const reply = (replies: WriteReply[], withStats?: WriterStats): void =>
    port.postMessage(withStats ? { replies, stats: withStats } : { replies });
  const stats: WriterStats = { transactions: 0, events: 0, seconds: 0 };
  // Group commit happens here: when a message arrives, everything else already queued is taken too (synchronously,
  // with receiveMessageOnPort), and consecutive appends are written in one transaction. So each transaction holds
  // every webhook that arrived while the previous one was being made durable.
  port.on('message', (first: WriteRequest) => {
    const reqs = [first];
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port))
      reqs.push(m.message as WriteRequest);
    let i = 0;
    while (i < reqs.length) {
      const req = reqs[i] as WriteRequest;
      if (req.op !== 'append') {
        try {
          reply([{ id: req.id, ok: true, value: byName[req.op]?.(...req.args) }]);
        } catch (err) {
          reply([{ id: req.id, ok: false, error: fail(err) }]);
        }
        i++;
        continue;
      }
      const group: WriteRequest[] = [];
      while (i < reqs.length && reqs[i]?.op === 'append') group.push(reqs[i++] as WriteRequest);
      try {
        const calls = group.map((r) => r.args as unknown as AppendCall);
        const started = performance.now();
        const results = ops.appendMany(calls);
        stats.transactions++;
        stats.seconds += (performance.now() - started) / 1000;
        for (const [batch] of calls) stats.events += batch.length;
        reply(
          group.map((r, k) => ({ id: r.id, ok: true, value: results[k] })),
          stats,
        );
      } catch (err) {
        reply(group.map((r) => ({ id: r.id, ok: false, error: fail(err) })));
      }
    }
  });
}
