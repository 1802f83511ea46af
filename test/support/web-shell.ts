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

/** Spawns the host and resolves once it prints `Caja listening at …`. */
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
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
