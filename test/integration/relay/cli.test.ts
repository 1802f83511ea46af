// The CLI as an operator uses it: a real `serve` process plus admin commands against the same data directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewStoreCredentials } from '../../../relay/index';
import { StreamClient } from './support/stream-client';
import { buildRelayCli, runCli, startServe } from './support/relay-process';
import type { ServeProcess } from './support/relay-process';
import { cleanupDirs, post, tempDir, webhook } from './support/relay-fixture';

const procs: ServeProcess[] = [];
beforeAll(async () => {
  await buildRelayCli();
});
afterAll(() => {
  for (const p of procs) p.child.kill('SIGKILL');
  cleanupDirs();
});

function lines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('relay CLI', () => {
  it('adds, lists and rotates stores, and prints events as JSON lines', async () => {
    const dataDir = tempDir();
    const added = await runCli(['store', 'add', '--name', 'Abarrotes Lupita', '--data-dir', dataDir]);
    expect(added.code).toBe(0);
    expect(added.stdout.trim().split('\n')).toHaveLength(1);
    const store = JSON.parse(added.stdout) as NewStoreCredentials;
    expect(Object.keys(store).sort()).toEqual([
      'ingressPath',
      'name',
      'signingKey',
      'storeId',
      'streamToken',
    ]);
    expect(store.ingressPath).toMatch(new RegExp(`^/v1/kushki/${store.storeId}/[A-Za-z0-9_-]{43}$`));
    expect(store.signingKey).toMatch(/^whsec_/);

    const list = await runCli(['store', 'list', '--data-dir', dataDir]);
    expect(lines(list.stdout)).toEqual([
      expect.objectContaining({ storeId: store.storeId, name: 'Abarrotes Lupita', lastSeq: 0 }),
    ]);
    expect(list.stdout).not.toContain(store.streamToken);
    expect(list.stdout).not.toContain(store.signingKey);

    const serve = await startServe(dataDir);
    procs.push(serve);
    for (let i = 1; i <= 3; i++)
      expect((await post(serve.url, store.ingressPath, webhook(i))).status).toBe(200);
    const health = await fetch(serve.url + '/healthz');
    expect(health.status).toBe(200);
    const metrics = await (await fetch(serve.url + '/metrics')).text();
    expect(metrics).toMatch(/^relay_events_in_total 3$/m);

    const events = await runCli(['events', '--store', store.storeId, '--data-dir', dataDir, '--since', '1']);
    expect(events.code).toBe(0);
    const printed = lines(events.stdout);
    expect(printed.map((e) => e['seq'])).toEqual([2, 3]);
    expect(Object.keys(printed[0] ?? {}).sort()).toEqual(['id', 'payload', 'receivedAt', 'seq']);
    expect(printed[0]?.['payload']).toEqual(webhook(2));

    serve.child.kill('SIGTERM');
    expect((await serve.exited).code).toBe(0);
    // stdout of `serve` was exactly the one documented line.
    expect(serve.firstLine).toMatch(/^Relay listening at http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('a token rotated from the CLI closes the running relay session and only the new token connects', async () => {
    const dataDir = tempDir();
    const store = JSON.parse(
      (await runCli(['store', 'add', '--name', 'T', '--data-dir', dataDir])).stdout,
    ) as NewStoreCredentials;
    const serve = await startServe(dataDir, ['--heartbeat-interval-ms', '100']);
    procs.push(serve);
    const client = await StreamClient.open(serve.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
    });
    await client.first('ready');
    const rotated = await runCli(['store', 'rotate-token', '--store', store.storeId, '--data-dir', dataDir]);
    expect(rotated.code).toBe(0);
    const { streamToken } = JSON.parse(rotated.stdout) as { streamToken: string };
    expect(streamToken).not.toBe(store.streamToken);
    expect(await client.closed).toBe(4001);
    const old = await StreamClient.connect(serve.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
    });
    expect(old.ok ? 'open' : old.status).toBe(401);
    const fresh = await StreamClient.open(serve.url, { token: streamToken, signingKey: store.signingKey });
    await fresh.first('ready');
    fresh.ws.terminate();
    // The stderr log of the serve process never shows either token or the path secret.
    serve.child.kill('SIGTERM');
    await serve.exited;
    expect(serve.stderr()).not.toContain(store.streamToken);
    expect(serve.stderr()).not.toContain(streamToken);
    expect(serve.stderr()).not.toContain(store.ingressPath.split('/').pop());
    expect(serve.stderr()).toContain('"msg":"stream closed by relay"');
  });

  it('also runs from source under tsx (the writer thread survives the transpiler)', async () => {
    const dataDir = tempDir();
    const added = await runCli(['store', 'add', '--name', 'T', '--data-dir', dataDir]);
    const store = JSON.parse(added.stdout) as NewStoreCredentials;
    const serve = await startServe(dataDir, [], { fromSource: true });
    procs.push(serve);
    expect(await post(serve.url, store.ingressPath, webhook(1))).toMatchObject({
      status: 200,
      relayStatus: 'stored',
    });
    expect((await fetch(serve.url + '/healthz')).status).toBe(200);
    serve.child.kill('SIGTERM');
    expect((await serve.exited).code).toBe(0);
    expect(serve.stderr()).not.toContain('"level":"error"');
  });

  it('reports usage errors with exit 2 and unknown stores with exit 1', async () => {
    const dataDir = tempDir();
    const usage = await runCli(['store', 'add', '--data-dir', dataDir]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('missing --name');
    const unknown = await runCli(['store', 'rotate-token', '--store', 'st_nope', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown store');
    const bogus = await runCli(['frobnicate']);
    expect(bogus.code).toBe(2);
  });
});
