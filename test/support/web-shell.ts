/**
 * Starts the real web shell (`dist/web/host.cjs`, built by `npm run build`) as a child process with
 * its own data directory and an OS-chosen port, and waits for its one line on stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** A running web shell for one test. */
export interface RunningShell {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const HOST_ENTRY = fileURLToPath(new URL('../../dist/web/host.cjs', import.meta.url));

/** A fresh, empty data directory under the OS temp folder. */
export function freshDataDir(prefix = 'caja-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Spawns the host (with extra `args`, e.g. `--serve-registers`) and resolves once it prints `Caja listening at …`. */
export async function startWebShell(
  /** `args`: more flags for the shell, e.g. `['--serve-registers', '127.0.0.1:0']`. */
  options: { dataDir?: string; env?: NodeJS.ProcessEnv; args?: readonly string[] } = {},
): Promise<RunningShell> {
  const dataDir = options.dataDir ?? freshDataDir();
  const flags = [HOST_ENTRY, '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])];
  const child = spawn(process.execPath, flags, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`web shell did not start:\n${stderr}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(stdout.slice(0, newline));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web shell exited with ${code}:\n${stderr}`));
    });
  });
  const match = /^Caja listening at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)$/.exec(line);
  if (!match) throw new Error(`unexpected first line from web shell: ${line}`);
  const [, origin = '', token = ''] = match;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    dataDir,
    process: child,
    async stop() {
      // Exited, or killed by a signal (a test's SIGKILL): there is no 'exit' left to wait for.
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/**
 * Runs `start:web -- --join <url> --pairing-code <code>` on `dataDir` to its end (issue 17) and
 * returns its exit code and its stdout line.
 */
export async function joinWebShell(
  dataDir: string,
  join: { serverUrl: string; pairingCode: string; name?: string },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const argv = [
    HOST_ENTRY,
    '--data-dir',
    dataDir,
    '--join',
    join.serverUrl,
    '--pairing-code',
    join.pairingCode,
  ];
  if (join.name) argv.push('--register-name', join.name);
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout: stdout.trim(), stderr };
}
