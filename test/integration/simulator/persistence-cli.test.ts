// `--state-file` persistence and the CLI: exactly one stdout line, flags honoured, state kept across restarts.
// The CLI runs from a CommonJS bundle built the way scripts/build-node.mjs builds it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../../simulator/index';
import { client, pushBody } from './helpers';

let dir: string;
let cli: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caja-sim-'));
  cli = join(dir, 'cli.cjs');
  await build({
    entryPoints: ['simulator/cli.ts'],
    outfile: cli,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('state file (library)', () => {
  it('keeps requests, terminals and pending ttl across a restart', async () => {
    const stateFile = join(dir, 'lib', 'state.json');
    const first = await createSimulator({ behaviour: 'manual', stateFile, seed: 1 });
    const api = client(first.url, first.token);
    first.terminals.create({ serialNumber: 'EXTRA1', behaviour: 'manual' });
    const sold = pushBody('TERM123');
    const pending = pushBody('EXTRA1', { ttl: 600 });
    await api.push(sold);
    await api.push(pending);
    first.approve(sold.uniqueReference as string);
    await first.close();

    const second = await createSimulator({ behaviour: 'manual', stateFile, seed: 2 });
    const api2 = client(second.url, second.token);
    expect((await api2.status(sold.uniqueReference as string)).body).toMatchObject({ status: 'APPROVED' });
    expect((await api2.status(pending.uniqueReference as string)).body).toMatchObject({ status: 'CREATED' });
    expect(second.terminals.get('EXTRA1')?.current).toBe(pending.uniqueReference);
    expect(second.requests.get(pending.uniqueReference as string)?.expiresAt).toBe(
      first.requests.get(pending.uniqueReference as string)?.expiresAt,
    );
    expect(second.approve(pending.uniqueReference as string).ok).toBe(true);
    await second.close();
  });

  it('refuses a corrupt state file with a clear message', async () => {
    const stateFile = join(dir, 'corrupt.json');
    writeFileSync(stateFile, '{"version":2}');
    await expect(createSimulator({ stateFile })).rejects.toThrow(/not a simulator state file/);
  });
});

function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; stdout: () => string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^Simulator listening at (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (match) resolve({ child, url: match[1] as string, stdout: () => out });
    });
    child.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('CLI', () => {
  it('prints one line, honours the flags and keeps state in --state-file across restarts', async () => {
    const stateFile = join(dir, 'cli', 'state.json');
    const args = [
      '--port',
      '0',
      '--token',
      'cli-token',
      '--terminal',
      'ULTRA1,ULTRA2',
      '--mode',
      'manual',
      '--state-file',
      stateFile,
    ];
    const run1 = await startCli(args);
    const api = client(run1.url, 'cli-token');
    const body = pushBody('ULTRA2');
    expect((await api.push(body)).status).toBe(201);
    expect((await client(run1.url, 'wrong').push(pushBody('ULTRA1'))).status).toBe(401);
    const terminals = (await (await fetch(`${run1.url}/_sim/terminals`)).json()) as {
      serialNumber: string;
      behaviour: string;
    }[];
    expect(terminals.map((t) => [t.serialNumber, t.behaviour])).toEqual([
      ['ULTRA1', 'manual'],
      ['ULTRA2', 'manual'],
    ]);
    expect(await stop(run1.child)).toBe(0);
    expect(run1.stdout().split('\n').filter(Boolean)).toHaveLength(1);

    const run2 = await startCli(args);
    const status = await client(run2.url, 'cli-token').status(body.uniqueReference as string);
    expect(status.body).toMatchObject({ status: 'CREATED' });
    expect(await stop(run2.child)).toBe(0);
  });

  it('exits 2 with usage on a bad flag', async () => {
    const child = spawn(process.execPath, [cli, '--mode', 'sometimes'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--mode must be one of');
  });
});
