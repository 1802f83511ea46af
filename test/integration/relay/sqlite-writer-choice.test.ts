// Issue 18: which thread makes the SQLite relay's writes durable ([Note: which thread writes]). `auto` times the
// data directory's fsync and writes on the main thread only where it is fast; either writer stores before the 200,
// streams what it stored and counts its transactions in /metrics.
import { readdirSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRelay } from '../../../relay/index';
import type { RelayHandle } from '../../../relay/index';
import type { Logger } from '../../../relay/ops/logger';
import { chooseSqliteWriter, FAST_FSYNC_MS, measureFsyncMs } from '../../../relay/storage/writer-choice';
import { StreamClient } from './support/stream-client';
import { addStore, cleanupDirs, post, tempDir, UNLIMITED_INGRESS, webhook } from './support/relay-fixture';

const relays: RelayHandle[] = [];
const clients: StreamClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  for (const r of relays.splice(0)) await r.close();
});
afterAll(cleanupDirs);

function capturingLogger(): { logger: Logger; infos: { msg: string; fields?: Record<string, unknown> }[] } {
  const infos: { msg: string; fields?: Record<string, unknown> }[] = [];
  const none = (): void => undefined;
  return {
    infos,
    logger: { debug: none, warn: none, error: none, info: (msg, fields) => void infos.push({ msg, fields }) },
  };
}

describe('the SQLite writer choice', () => {
  it('keeps a fixed mode without timing the disk, and picks by the fsync figure in auto', () => {
    const never = (): number => {
      throw new Error('the disk was timed for a fixed mode');
    };
    expect(chooseSqliteWriter('thread', never)).toEqual({ writer: 'thread' });
    expect(chooseSqliteWriter('inline', never)).toEqual({ writer: 'inline' });
    expect(chooseSqliteWriter('auto', () => FAST_FSYNC_MS)).toEqual({
      writer: 'inline',
      fsyncMedianMs: FAST_FSYNC_MS,
    });
    expect(chooseSqliteWriter('auto', () => 4.2)).toEqual({ writer: 'thread', fsyncMedianMs: 4.2 });
  });

  it('times real fsyncs in the data directory and leaves nothing behind', () => {
    const dir = tempDir();
    const ms = measureFsyncMs(dir);
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  for (const mode of ['thread', 'inline', 'auto'] as const) {
    it(`${mode}: logs its choice, answers 200 after storing, streams the event and counts the transaction`, async () => {
      const { logger, infos } = capturingLogger();
      const relay = await createRelay(
        { dataDir: tempDir(), port: 0, ...UNLIMITED_INGRESS, sqliteWriter: mode },
        { logger },
      );
      relays.push(relay);
      const chosen = infos.find((l) => l.msg === 'sqlite writer')?.fields;
      expect(chosen?.['mode']).toBe(mode);
      if (mode === 'auto') {
        expect(typeof chosen?.['fsyncMedianMs']).toBe('number');
        expect(chosen?.['writer']).toBe(
          (chosen?.['fsyncMedianMs'] as number) <= FAST_FSYNC_MS ? 'inline' : 'thread',
        );
      } else {
        expect(chosen?.['writer']).toBe(mode);
        expect(chosen).not.toHaveProperty('fsyncMedianMs');
      }

      const store = await addStore(relay);
      const client = await StreamClient.open(relay.url, {
        token: store.streamToken,
        signingKey: store.signingKey,
        after: 0,
      });
      clients.push(client);
      await client.first('ready');
      expect((await post(relay.url, store.ingressPath, webhook(1))).status).toBe(200);
      expect((await post(relay.url, store.ingressPath, webhook(2))).status).toBe(200);
      await client.waitForEvents(2);
      expect(client.events.map((e) => e.seq)).toEqual([1, 2]);
      const metrics = await (await fetch(`${relay.url}/metrics`)).text();
      const transactions = Number(/^relay_storage_transactions_total (\d+)$/m.exec(metrics)?.[1]);
      expect(transactions).toBeGreaterThanOrEqual(1);
      expect(transactions).toBeLessThanOrEqual(2);
    });
  }
});
