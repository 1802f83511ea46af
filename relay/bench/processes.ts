// Child processes for the benchmark: the relay itself (bundled like scripts/build-node.mjs does) and a bare Node
// HTTP server that only reads the body and answers 200, the ceiling to compare ingress throughput with.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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

/** Bundles relay/cli.ts and starts `serve` on an OS-chosen port. */
export async function startRelayProcess(dataDir: string, extra: string[] = []): Promise<Served> {
  const out = join(mkdtempSync(join(tmpdir(), 'relay-bench-')), 'cli.cjs');
  await build({
    entryPoints: [join(repo, 'relay/cli.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  // RELAY_BENCH_NODE_ARGS lets a profiling run pass e.g. --cpu-prof to the relay process only.
  const nodeArgs = (process.env['RELAY_BENCH_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(
    process.execPath,
    [...nodeArgs, out, 'serve', '--port', '0', '--data-dir', dataDir, ...extra],
    {
      env: { ...process.env, NODE_PATH: join(repo, 'node_modules') },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await waitForUrl(child, /Relay listening at (http:\/\/[^\s]+)/);
  return { child, url, stop: stopper(child) };
}

const BARE_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => { JSON.parse(Buffer.concat(chunks).toString()); res.writeHead(200).end(); });
});
server.listen(0, '127.0.0.1', () => console.log('bare at http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => process.exit(0));
`;

/** A bare Node HTTP server that parses the JSON body and answers 200: the ceiling for ingress. */
export async function startBareServer(): Promise<Served> {
  const file = join(mkdtempSync(join(tmpdir(), 'relay-bench-bare-')), 'bare.cjs');
  writeFileSync(file, BARE_SERVER);
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await waitForUrl(child, /bare at (http:\/\/[^\s]+)/);
  return { child, url, stop: stopper(child) };
}
