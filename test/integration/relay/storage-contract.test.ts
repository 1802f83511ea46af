// The storage port's contract ([Note: storage contract]) checked on every implementation: SQLite (both writers)
// and PostgreSQL (issue 18), each test on a fresh database. Without PostgreSQL binaries its cases skip, saying why.
import { afterAll, describe, expect, it } from 'vitest';
import { openPgStorage, openSqliteStorage, silentLogger } from '../../../relay/index';
import type { NewEvent, RelayStorage, StoredEvent } from '../../../relay/index';
import { cleanupDirs, tempDir } from './support/relay-fixture';
import { pgClusterForFile } from './support/pg';

const cluster = await pgClusterForFile('storage-contract');

const IMPLEMENTATIONS: [string, () => Promise<RelayStorage>][] = [
  ['sqlite (writer thread)', async () => openSqliteStorage(tempDir())],
  ['sqlite (inline writer)', async () => openSqliteStorage(tempDir(), { writer: 'inline' })],
  ...(cluster
    ? [
        [
          'postgresql',
          async () => openPgStorage({ databaseUrl: await cluster.createDatabase(), logger: silentLogger }),
        ] satisfies [string, () => Promise<RelayStorage>],
      ]
    : []),
];

afterAll(cleanupDirs);

const store = (id: string) => ({
  id,
  name: id,
  createdAt: 0,
  secretHash: 'a'.repeat(64),
  prevSecretHash: null,
  prevSecretExpiresAt: null,
  tokenHash: id.padEnd(64, '0'),
  signingKey: 'whsec_' + Buffer.alloc(32, 1).toString('base64'),
});

const ev = (storeId: string, key: string, receivedAt = 1000): NewEvent => ({
  storeId,
  id: `evt_${storeId}_${key}`,
  receivedAt,
  dedupeKey: key,
  bpSignature: 'absent',
  payload: JSON.stringify({ key }),
});

describe.each(IMPLEMENTATIONS)('%s storage', (_name, open) => {
  it('assigns contiguous per-store sequences, dedupes per store, and notifies after commit', async () => {
    const s = await open();
    await s.createStore(store('a'));
    await s.createStore(store('b'));
    const seen: StoredEvent[] = [];
    s.onAppended((events) => seen.push(...events));
    const out = await s.appendEvents([
      ev('a', 'k1'),
      ev('b', 'k1'),
      ev('a', 'k2'),
      ev('a', 'k1'),
      ev('x', 'k9'),
    ]);
    expect(
      out.map((o) =>
        o.kind === 'stored' ? `stored:${o.event.seq}` : o.kind === 'duplicate' ? `dup:${o.seq}` : o.kind,
      ),
    ).toEqual(['stored:1', 'stored:1', 'stored:2', 'dup:1', 'unknown_store']);
    expect(seen.map((e) => `${e.storeId}${e.seq}`)).toEqual(['a1', 'b1', 'a2']);
    expect((await s.readEvents('a', 0, 10)).map((e) => e.seq)).toEqual([1, 2]);
    expect((await s.readEvents('a', 1, 10)).map((e) => e.dedupeKey)).toEqual(['k2']);
    expect(await s.logBounds('a')).toEqual({ lastSeq: 2, oldestSeq: 1 });
    await s.close();
  });

  it('never moves an ack backwards, and prunes by age without reusing sequences', async () => {
    const s = await open();
    await s.createStore(store('a'));
    await s.appendEvents([ev('a', 'old1', 10), ev('a', 'old2', 20), ev('a', 'new', 5000)]);
    await s.saveAcks(new Map([['a', 3]]));
    await s.saveAcks(new Map([['a', 1]]));
    expect((await s.getStore('a'))?.ackedSeq).toBe(3);
    expect(await s.pruneBefore(100, 1)).toBe(1);
    expect(await s.pruneBefore(100, 10)).toBe(1);
    expect(await s.logBounds('a')).toEqual({ lastSeq: 3, oldestSeq: 3 });
    const [next] = await s.appendEvents([ev('a', 'later')]);
    expect(next?.kind === 'stored' && next.event.seq).toBe(4);
    await s.close();
  });

  it('does not write a call whose deadline has passed, and says so per event', async () => {
    const s = await open();
    await s.createStore(store('a'));
    const late = await s.appendEvents([ev('a', 'k1'), ev('a', 'k2')], { notAfter: Date.now() - 1 });
    expect(late.map((o) => o.kind)).toEqual(['expired', 'expired']);
    const onTime = await s.appendEvents([ev('a', 'k1')], { notAfter: Date.now() + 60_000 });
    expect(onTime[0]?.kind === 'stored' && onTime[0].event.seq).toBe(1);
    await s.close();
  });

  it('finds stores by token hash and updates credentials', async () => {
    const s = await open();
    await s.createStore(store('a'));
    expect((await s.findStoreByTokenHash(store('a').tokenHash))?.id).toBe('a');
    expect(await s.updateCredentials('a', { tokenHash: 'f'.repeat(64) })).toBe(true);
    expect(await s.findStoreByTokenHash(store('a').tokenHash)).toBeUndefined();
    expect(await s.updateCredentials('nope', { tokenHash: 'e'.repeat(64) })).toBe(false);
    await s.close();
  });
});
