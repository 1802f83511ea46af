// The relay as a real child process: bundle relay/cli.ts the way scripts/build-node.mjs does (CJS, better-sqlite3
// external) into a temp dir, then spawn `node cli.cjs ...`. Bundling only the relay keeps these tests independent
// of the other entry points that build-node.mjs also builds.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const repo = resolve(__dirname, '../../../..');
let built: Promise<string> | undefined;

/** Builds the CLI bundle once per test file; resolves to its path. */
export function buildRelayCli(): Promise<string> {
  built ??= (async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'caja-relay-cli-')), 'cli.cjs');
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
    return out;
  })();
  return built;
}

const env = { ...process.env, NODE_PATH: join(repo, 'node_modules') };

/** Runs a one-shot CLI command; resolves with its exit code and output. */
export async function runCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = await buildRelayCli();
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  return { code, stdout, stderr };
}

/** A running `serve` process. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  firstLine: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns `serve --port 0 --data-dir <dir>` and resolves once it prints its listening line. */
export async function startServe(
  dataDir: string,
  extra: string[] = [],
  options: { fromSource?: boolean } = {},
): Promise<ServeProcess> {
  // fromSource runs relay/cli.ts under tsx (as `npx tsx relay/cli.ts` does) instead of the bundle.
  const entry = options.fromSource
    ? ['--import', 'tsx', join(repo, 'relay/cli.ts')]
    : [await buildRelayCli()];
  // Bursts of thousands to one store are the point of these tests; the rate limit has its own test.
  const args = ['serve', '--port', '0', '--data-dir', dataDir, '--ingress-burst', '1000000', ...extra];
  const child = spawn(process.execPath, [...entry, ...args], {
    env,
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on('exit', (code, signal) => r({ code, signal })),
  );
  const firstLine = await new Promise<string>((resolveLine, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolveLine(buf.slice(0, nl));
    });
    void exited.then(({ code }) => reject(new Error(`relay exited (${code}) before listening: ${stderr}`)));
  });
  const m = /^Relay listening at (http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine);
  if (!m?.[1]) throw new Error(`unexpected first line: ${firstLine}`);
  return { child, url: m[1], firstLine, stderr: () => stderr, exited };
}
