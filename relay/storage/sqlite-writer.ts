// Runs the SQLite writes on a worker thread. Why: better-sqlite3 is synchronous, and with synchronous=FULL each
// commit waits for an fsync (2–10 ms on the disks measured; see relay/README.md "Performance"). On the main
// thread that wait froze HTTP parsing and streaming for every store; on a worker it overlaps with them, and the
// group commit (ingress/group-commit.ts) gathers the next batch while the current one is being made durable.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createWriteOps, writerMain } from './sqlite-write-ops';
import type { WriteOpName, WriteOps, WriteRequest, WriterMessage, WriterStats } from './sqlite-write-ops';

/** Calls write operations by name, wherever they run. */
export interface Writer {
  call<K extends WriteOpName>(op: K, ...args: Parameters<WriteOps[K]>): Promise<ReturnType<WriteOps[K]>>;
  /** Set when the writer can no longer write (its thread died); storage reports unhealthy. */
  failure(): string | undefined;
  /** Group-commit figures of the appends so far (undefined where none are counted). */
  stats(): WriterStats | undefined;
  /** Ends the thread, if any, after the `close` operation. */
  stop(): Promise<void>;
}

/**
 * Writes on the caller's own connection: one-shot CLI commands, where a thread would only cost start-up, and a
 * relay on a disk whose fsync is fast (see [Note: which thread writes] in relay/storage/writer-choice.ts).
 */
export function inlineWriter(db: Database.Database): Writer {
  const ops = createWriteOps(db);
  const stats: WriterStats = { transactions: 0, events: 0, seconds: 0 };
  return {
    call: async (op, ...args) => {
      if (op !== 'append') return (ops[op] as (...a: unknown[]) => never)(...args);
      const started = performance.now();
      const written = ops.append(...(args as Parameters<WriteOps['append']>));
      stats.transactions++;
      stats.events += written.length;
      stats.seconds += (performance.now() - started) / 1000;
      return written as never;
    },
    failure: () => undefined,
    stats: () => ({ ...stats }),
    stop: async () => undefined,
  };
}

function sqliteModulePath(): string {
  // Resolve better-sqlite3 the way this file's own import would (the bundle keeps it external), and hand the
  // absolute path to the worker, whose eval'd script has no meaningful location of its own.
  const base = typeof __filename === 'string' ? __filename : join(process.cwd(), 'relay.js');
  return createRequire(base).resolve('better-sqlite3');
}

/** Starts the writer thread on `file`. */
export function threadWriter(file: string): Writer {
  // Transpilers that keep function names (tsx, esbuild keepNames) wrap functions in a `__name` helper that lives
  // outside the stringified bodies; the worker gets an equivalent so the source runs under either build.
  const shim = `var __name = (f, n) => Object.defineProperty(f, 'name', { value: n, configurable: true });`;
  const source = `${shim}\n(${writerMain.toString()})(${createWriteOps.toString()});`;
  const worker = new Worker(source, { eval: true, workerData: { file, sqliteModule: sqliteModulePath() } });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failed: string | undefined;
  let stats: WriterStats | undefined;
  const failAll = (why: string): void => {
    failed ??= why;
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };
  worker.on('message', (message: WriterMessage) => {
    if (message.stats) stats = message.stats;
    for (const reply of message.replies) {
      const p = pending.get(reply.id);
      if (!p) continue;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.error));
    }
  });
  worker.on('error', (err) => failAll(`sqlite writer thread failed: ${err.message}`));
  worker.on('exit', (code) => failAll(`sqlite writer thread exited (${code})`));
  return {
    call: (op, ...args) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(new Error(failed));
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ id, op, args } satisfies WriteRequest);
      }),
    failure: () => failed,
    stats: () => stats,
    stop: async () => {
      failed ??= 'sqlite writer stopped';
      await worker.terminate();
    },
  };
}
