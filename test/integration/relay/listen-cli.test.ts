// The operator's listener (`relay listen`, issue 18) against a real `serve` process, on SQLite (always) and on
// PostgreSQL with `--database-url` for serve, store add and events (when the binaries are present).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewStoreCredentials } from '../../../relay/index';
import { buildRelayCli, runCli, startServe } from './support/relay-process';
import type { ServeProcess } from './support/relay-process';
import { cleanupDirs, post, tempDir, webhook } from './support/relay-fixture';
import { pgClusterForFile } from './support/pg';

const cluster = await pgClusterForFile('listen-cli');
const procs: ServeProcess[] = [];
beforeAll(async () => {
  await buildRelayCli();
}, 120_000);
afterAll(() => {
  for (const p of procs) p.child.kill('SIGKILL');
  cleanupDirs();
});

const jsonLines = (s: string): Record<string, unknown>[] =>
  s
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Adds a store, serves, posts three webhooks while `listen --count 3` runs, and checks what it printed. */
async function roundTrip(storageFlags: string[]): Promise<void> {
  const added = await runCli(['store', 'add', '--name', 'Listen', ...storageFlags]);
  expect(added.code, added.stderr).toBe(0);
  const store = JSON.parse(added.stdout) as NewStoreCredentials;
  const serve = await startServe(tempDir(), storageFlags);
  procs.push(serve);
  const base = ['listen', '--url', serve.url, '--store', store.storeId, '--token', store.streamToken];
  const listening = runCli([...base, '--signing-key', store.signingKey, '--count', '3']);
  for (let i = 1; i <= 3; i++)
    expect((await post(serve.url, store.ingressPath, webhook(i))).status).toBe(200);
  const r = await listening;
  expect(r.code, r.stderr).toBe(0);
  const printed = jsonLines(r.stdout);
  expect(printed.map((e) => e['seq'])).toEqual([1, 2, 3]);
  expect(printed.map((e) => (e['payload'] as Record<string, unknown>)['uniqueReference'])).toEqual([
    'ref-1',
    'ref-2',
    'ref-3',
  ]);
  // Frames signed with another key are refused, not printed.
  const other = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
  const refused = await runCli([...base, '--signing-key', other, '--count', '1']);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toBe('');
  expect(refused.stderr).toContain('bad_signature');
  const events = await runCli(['events', '--store', store.storeId, '--since', '1', ...storageFlags]);
  expect(jsonLines(events.stdout).map((e) => e['seq'])).toEqual([2, 3]);
}

describe('relay listen', () => {
  it('verifies, acks and prints each event as one JSON line (SQLite)', async () => {
    await roundTrip(['--data-dir', tempDir()]);
  }, 120_000);

  it.skipIf(!cluster)(
    'does the same against a relay on PostgreSQL (--database-url)',
    async () => {
      await roundTrip(['--database-url', await cluster!.createDatabase()]);
    },
    120_000,
  );

  it('refuses a --database-url that is not postgres:// without echoing it', async () => {
    const r = await runCli(['store', 'list', '--database-url', 'mysql://user:hunter2@127.0.0.1/x']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('hunter2');
  });
});
