// The relay's store cache on a real SQLite file ([Note: exact store cache]): every store in memory, no database
// read per webhook, and a change made by another process (the CLI, a real child process) seen within one check
// interval of the injected clock — never before the counter says so, never later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../../relay/index';
import type { NewStoreCredentials, RelayStorage } from '../../../relay/index';
import { StoreCache } from '../../../relay/ingress/store-cache';
import { hashCredential } from '../../../relay/stores/credentials';
import { buildRelayCli, runCli } from './support/relay-process';
import { cleanupDirs, tempDir } from './support/relay-fixture';

beforeAll(async () => {
  await buildRelayCli();
});
afterAll(cleanupDirs);

/** The storage port with its store reads counted. */
function counted(storage: RelayStorage): { storage: RelayStorage; reads: { get: number; list: number } } {
  const reads = { get: 0, list: 0 };
  const wrapped: RelayStorage = {
    ...storage,
    getStore: (id) => (reads.get++, storage.getStore(id)),
    listStores: () => (reads.list++, storage.listStores()),
    storesVersion: () => storage.storesVersion!(),
  };
  return { storage: wrapped, reads };
}

async function cli(args: string[]): Promise<Record<string, string>> {
  const r = await runCli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, string>;
}

describe('StoreCache on SQLite', () => {
  it('serves every store from memory and sees another process’s rotation within one interval', async () => {
    const dataDir = tempDir();
    const stores: NewStoreCredentials[] = [];
    for (let i = 0; i < 3; i++)
      stores.push((await cli(['store', 'add', '--name', `t${i}`, '--data-dir', dataDir])) as never);
    const sqlite = openSqliteStorage(dataDir);
    try {
      const { storage, reads } = counted(sqlite);
      let now = 1_000_000;
      const cache = new StoreCache(storage, { checkIntervalMs: 1000, now: () => now });
      for (let round = 0; round < 100; round++)
        for (const s of stores) expect((await cache.get(s.storeId))?.id).toBe(s.storeId);
      // One load of all stores, no row read per webhook.
      expect(reads).toEqual({ get: 0, list: 1 });

      const target = stores[1]!;
      const before = (await cache.get(target.storeId))!.secretHash;
      const rotated = await cli(['store', 'rotate-secret', '--store', target.storeId, '--data-dir', dataDir]);
      const newSecret = rotated['ingressPath']!.split('/').at(-1)!;
      // Inside the interval the copy is kept (this is the bound, not a race: the clock has not moved)…
      now += 999;
      expect((await cache.get(target.storeId))!.secretHash).toBe(before);
      // …and once it has passed, the counter has moved and the rotation is seen, the old secret kept as previous.
      now += 1;
      const after = (await cache.get(target.storeId))!;
      expect(after.secretHash).toBe(hashCredential(newSecret));
      expect(after.prevSecretHash).toBe(before);
      expect(reads).toEqual({ get: 0, list: 2 });

      // Acks and appends do not move the counter: no reload for them.
      await sqlite.appendEvents([
        {
          storeId: target.storeId,
          id: 'evt_1',
          receivedAt: now,
          dedupeKey: 'k1',
          bpSignature: 'absent',
          payload: '{}',
        },
      ]);
      await sqlite.saveAcks(new Map([[target.storeId, 1]]));
      now += 5000;
      await cache.get(target.storeId);
      expect(reads).toEqual({ get: 0, list: 2 });
    } finally {
      await sqlite.close();
    }
  });

  it('finds a store added by another process at once, keeps no unknown id, and reloads after invalidate', async () => {
    const dataDir = tempDir();
    const sqlite = openSqliteStorage(dataDir);
    try {
      const { storage, reads } = counted(sqlite);
      const now = 5_000;
      const cache = new StoreCache(storage, { checkIntervalMs: 1000, now: () => now });
      expect(await cache.get('st_nope')).toBeUndefined();
      const added = await cli(['store', 'add', '--name', 'nueva', '--data-dir', dataDir]);
      // Not in the copy yet and the clock has not moved: the miss reads storage, so a new store works at once.
      expect((await cache.get(added['storeId']!))?.name).toBe('nueva');
      expect(await cache.get('st_nope')).toBeUndefined();
      expect(reads.get).toBe(3);

      // A change made through this process's own admin invalidates: seen without waiting for the interval.
      await sqlite.updateCredentials(added['storeId']!, { tokenHash: 'f'.repeat(64) });
      cache.invalidate(added['storeId']!);
      expect((await cache.get(added['storeId']!))?.tokenHash).toBe('f'.repeat(64));
    } finally {
      await sqlite.close();
    }
  });
});
