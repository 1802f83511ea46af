// Child processes for the benchmark: the relay itself (bundled like scripts/build-node.mjs does) and the
// baselines of baseline-servers.ts (smee.io's architecture, the thin forwarder, bare `ws`, bare Node HTTP).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BaselineKind } from './baseline-servers';

/** A child process serving HTTP at `url`. */
export interface Served {
  child: ChildProcess;
  url: string;
  stop: () => Promise<void>;
}

// The bench runs under tsx as ESM and is never bundled into the CLI, so import.meta is fine here.
const repo = fileURLToPath(new URL('../..', import.meta.url));

function waitForUrl(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = pattern.exec(buf);
      if (m?.[1]) resolveUrl(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((r) => {
      if (child.exitCode !== null) return r();
      child.once('exit', () => r());
      child.kill('SIGTERM');
    });
}

const bundles = new Map<string, Promise<string>>();

/** Bundles an entry point once per bench run (as scripts/build-node.mjs does for the CLI). */
function bundle(entry: string): Promise<string> {
  let out = bundles.get(entry);
  if (!out) {
    const file = join(mkdtempSync(join(tmpdir(), 'relay-bench-')), 'entry.cjs');
    out = build({
      entryPoints: [resolve(repo, entry)],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['better-sqlite3'],
      logLevel: 'warning',
    }).then(() => file);
    bundles.set(entry, out);
  }
  return out;
}

/**
 * Starts `serve` on an OS-chosen port: SQLite in `storage.dataDir`, or PostgreSQL at `storage.databaseUrl` (passed
 * in the environment, as in the deployment recipe, never on a command line).
 */
export async function startRelayProcess(
  storage: { dataDir: string } | { databaseUrl: string },
  extra: string[] = [],
  cli = 'relay/cli.ts',
): Promise<Served> {
  const out = await bundle(cli);
  // RELAY_BENCH_NODE_ARGS lets a profiling run pass e.g. --cpu-prof to the relay process only.
  const nodeArgs = (process.env['RELAY_BENCH_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const where = 'dataDir' in storage ? ['--data-dir', storage.dataDir] : [];
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_PATH: join(repo, 'node_modules') };
  delete env['RELAY_DATABASE_URL'];
  if ('databaseUrl' in storage) env['RELAY_DATABASE_URL'] = storage.databaseUrl;
  const child = spawn(process.execPath, [...nodeArgs, out, 'serve', '--port', '0', ...where, ...extra], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await waitForUrl(child, /Relay listening at (http:\/\/[^\s]+)/);
  return { child, url, stop: stopper(child) };
}

/** Starts one of the baselines of baseline-servers.ts. */
export async function startBaseline(kind: BaselineKind): Promise<Served> {
  const out = await bundle('relay/bench/baseline-servers.ts');
  const child = spawn(process.execPath, [out], {
    env: { ...process.env, NODE_PATH: join(repo, 'node_modules'), RELAY_BENCH_BASELINE: kind },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await waitForUrl(child, /listening at (http:\/\/[^\s]+)/);
  return { child, url, stop: stopper(child) };
}
