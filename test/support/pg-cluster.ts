// A throwaway PostgreSQL cluster for tests (issue 18): initdb into a temp dir, postgres on 127.0.0.1 and a port
// the OS just handed out, run as a non-root user (PostgreSQL refuses to run as root: as root we run it through
// `runuser -u postgres`, the account Debian's package creates, and hand it the temp dir). Tests call
// startPgCluster() from beforeAll; when the binaries are absent they get a reason to print and skip on.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running cluster; `url(db)` is a connection URL for one of its databases. */
export interface PgCluster {
  port: number;
  url: (database?: string) => string;
  /** Creates a fresh database and returns its URL (one per test keeps tests independent). */
  createDatabase: () => Promise<string>;
  /** `pg_ctl restart -m fast`: every connection is cut, the same port comes back. */
  restart: () => void;
  /** `pg_ctl stop -m fast` / `start`, for tests that keep the database down for a while. */
  stop: () => void;
  start: () => void;
  destroy: () => void;
}

/** The cluster, or why there is none here. */
export type PgClusterResult = { ok: true; cluster: PgCluster } | { ok: false; reason: string };

const USER = 'relay';

/** PG_BIN, else the newest /usr/lib/postgresql/<major>/bin (Debian's layout). */
function findBinDir(): string | undefined {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  for (const m of majors) if (existsSync(join(root, m, 'bin', 'initdb'))) return join(root, m, 'bin');
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The uid/gid to run PostgreSQL as when we are root, from `id`. */
function postgresAccount(): { uid: number; gid: number } | undefined {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

let counter = 0;

/** Starts a cluster, or says why it cannot (no binaries, root without a `postgres` account). */
export async function startPgCluster(options: { durable?: boolean } = {}): Promise<PgClusterResult> {
  const bin = findBinDir();
  if (!bin) {
    return {
      ok: false,
      reason: 'PostgreSQL binaries not found (apt-get install -y postgresql, or set PG_BIN)',
    };
  }
  const root = process.getuid?.() === 0;
  const account = root ? postgresAccount() : undefined;
  if (root && !account) return { ok: false, reason: 'running as root and there is no postgres account' };
  const dir = mkdtempSync(join(tmpdir(), 'caja-pg-'));
  if (account) chownSync(dir, account.uid, account.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  // Run as postgres (when root) with the temp dir as working directory: root's cwd may be unreadable to it.
  const run = (tool: string, args: string[]): void => {
    const cmd = account ? 'runuser' : join(bin, tool);
    const argv = account ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    execFileSync(cmd, argv, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  };
  // trust on loopback only: a throwaway cluster on 127.0.0.1 with no password to leak into test logs.
  run('initdb', ['-D', data, '-U', USER, '-A', 'trust', '--no-sync', '-E', 'UTF8', '--no-locale']);
  // fsync=off: what these tests kill is the relay, or PostgreSQL with a clean fast shutdown; the OS never
  // crashes under them, so the page cache holds every commit and the disk's speed would only slow the suite.
  // `durable` (bench:relay) keeps fsync on, as production must, so its figures compare with SQLite's FULL.
  const opts =
    `-h 127.0.0.1 -p ${port} -k ${dir} -c max_connections=200` + (options.durable ? '' : ' -c fsync=off');
  const start = (): void => run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  start();
  const url = (database = 'postgres'): string => `postgres://${USER}@127.0.0.1:${port}/${database}`;
  const cluster: PgCluster = {
    port,
    url,
    async createDatabase() {
      const name = `t${process.pid}_${++counter}`;
      const { Client } = await import('pg');
      const c = new Client({ connectionString: url() });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return url(name);
    },
    // -l every time: without it the server inherits pg_ctl's stdout, and execFileSync waits for it forever.
    restart: () =>
      run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-m', 'fast', '-w', 'restart']),
    stop: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    start,
    destroy() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return { ok: true, cluster };
}
