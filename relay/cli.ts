// The relay's command line (issue 4): `serve`, `store add|list|rotate-token|rotate-secret|rotate-signing-key`,
// and `events`. Bundled to CommonJS by scripts/build-node.mjs, so no top-level await and no import.meta here.
// stdout carries only the documented output; logs and errors go to stderr.
import { readFileSync } from 'node:fs';
import { describeFlagProblem, parseFlags, type FlagValues } from '../common/cli/parse-flags';
import { createRelay } from './relay';
import { openStoreAdminAt } from './stores/store-admin';
import { listen } from './cli-listen';
import type { AdminResult } from './stores/store-admin';

const USAGE = `usage (--database-url postgres://… or RELAY_DATABASE_URL in place of --data-dir selects PostgreSQL):
  relay serve --port <p> --data-dir <dir> [--host 127.0.0.1] [--retention-days 30]
              [--bp-key <index>=<pem file>]... [--require-bp-signature] [--log-level info]
              [--heartbeat-interval-ms 15000] [--heartbeat-timeout-ms 45000] [--max-body-bytes 65536]
              [--ingress-burst 60] [--ingress-refill-per-second 10] [--sqlite-writer auto|thread|inline]
  relay store add --name <name> --data-dir <dir>
  relay store list --data-dir <dir>
  relay store rotate-token --store <id> --data-dir <dir>
  relay store rotate-secret --store <id> --data-dir <dir> [--grace-hours 24]
  relay store rotate-signing-key --store <id> --data-dir <dir>
  relay events --store <id> --data-dir <dir> [--since <seq>]
  relay listen --url <relay-url> --store <id> --token <t> --signing-key <k> [--after <seq>] [--count <n>]
              (RELAY_STREAM_TOKEN and RELAY_SIGNING_KEY may stand in for --token and --signing-key)`;

class UsageError extends Error {}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  url: { type: 'string' },
  token: { type: 'string' },
  'signing-key': { type: 'string' },
  after: { type: 'string' },
  count: { type: 'string' },
  'retention-days': { type: 'string' },
  'bp-key': { type: 'string', multiple: true },
  'require-bp-signature': { type: 'boolean' },
  'log-level': { type: 'string' },
  'heartbeat-interval-ms': { type: 'string' },
  'heartbeat-timeout-ms': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'ingress-burst': { type: 'string' },
  'ingress-refill-per-second': { type: 'string' },
  'sqlite-writer': { type: 'string' },
  name: { type: 'string' },
  store: { type: 'string' },
  since: { type: 'string' },
  'grace-hours': { type: 'string' },
} as const;

type Values = FlagValues<typeof OPTIONS>;

function need(v: string | undefined, flag: string): string {
  if (v === undefined || v === '') throw new UsageError(`missing --${flag}`);
  return v;
}

function int(v: string | undefined, flag: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${flag} must be a non-negative number`);
  return n;
}

/**
 * Where the relay's data lives: PostgreSQL when --database-url (or RELAY_DATABASE_URL, which keeps a password out
 * of `ps`) is given, else SQLite in --data-dir. The URL is never echoed, not even in a usage error.
 */
function storageOf(v: Values): { dataDir: string } | { databaseUrl: string } {
  const url = v['database-url'] ?? process.env['RELAY_DATABASE_URL'];
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError('--database-url must be a postgres:// URL');
    return { databaseUrl: url };
  }
  return { dataDir: need(v['data-dir'], 'data-dir') };
}

function out(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

function unwrap<T>(r: AdminResult<T>): T {
  if (r.ok) return r.value;
  throw new Error(r.error.code === 'unknown_store' ? 'unknown store' : r.error.reason);
}

async function serve(v: Values): Promise<void> {
  const bpPublicKeys: Record<string, string> = {};
  for (const spec of v['bp-key'] ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError('--bp-key takes <index>=<pem file>');
    bpPublicKeys[spec.slice(0, eq)] = readFileSync(spec.slice(eq + 1), 'utf8');
  }
  const level = v['log-level'];
  if (level !== undefined && !['debug', 'info', 'warn', 'error'].includes(level)) {
    throw new UsageError('--log-level is one of debug, info, warn, error');
  }
  const writer = v['sqlite-writer'];
  if (writer !== undefined && !['auto', 'thread', 'inline'].includes(writer)) {
    throw new UsageError('--sqlite-writer is one of auto, thread, inline');
  }
  const relay = await createRelay({
    port: int(need(v.port, 'port'), 'port', 0),
    host: v.host ?? '127.0.0.1',
    ...storageOf(v),
    // From the environment only, like the database URL: `ps` shows arguments.
    ...(process.env['RELAY_METRICS_TOKEN'] && { metricsToken: process.env['RELAY_METRICS_TOKEN'] }),
    retentionDays: int(v['retention-days'], 'retention-days', 30),
    bpPublicKeys,
    requireBpSignature: v['require-bp-signature'] ?? false,
    logLevel: (level ?? 'info') as 'info',
    heartbeatIntervalMs: int(v['heartbeat-interval-ms'], 'heartbeat-interval-ms', 15_000),
    heartbeatTimeoutMs: int(v['heartbeat-timeout-ms'], 'heartbeat-timeout-ms', 45_000),
    maxBodyBytes: int(v['max-body-bytes'], 'max-body-bytes', 64 * 1024),
    // Absent flags leave the defaults to config.ts, the one place they are written.
    ...(writer !== undefined && { sqliteWriter: writer as 'auto' }),
    ...(v['ingress-burst'] !== undefined && { ingressBurst: int(v['ingress-burst'], 'ingress-burst', 0) }),
    ...(v['ingress-refill-per-second'] !== undefined && {
      ingressRefillPerSecond: int(v['ingress-refill-per-second'], 'ingress-refill-per-second', 0),
    }),
  });
  process.stdout.write(`Relay listening at ${relay.url}\n`);
  const stop = (): void => {
    relay.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function store(sub: string | undefined, v: Values): Promise<void> {
  const admin = await openStoreAdminAt(storageOf(v));
  try {
    switch (sub) {
      case 'add':
        return out(unwrap(await admin.addStore({ name: need(v.name, 'name') })));
      case 'list':
        for (const s of await admin.listStores()) out(s);
        return;
      case 'rotate-token':
        return out(unwrap(await admin.rotateToken(need(v.store, 'store'))));
      case 'rotate-secret': {
        const graceMs = Math.round(int(v['grace-hours'], 'grace-hours', 24) * 3600_000);
        return out(unwrap(await admin.rotateSecret(need(v.store, 'store'), { graceMs })));
      }
      case 'rotate-signing-key':
        return out(unwrap(await admin.rotateSigningKey(need(v.store, 'store'))));
      default:
        throw new UsageError(`unknown store command: ${sub ?? '(none)'}`);
    }
  } finally {
    await admin.close();
  }
}

async function events(v: Values): Promise<void> {
  const admin = await openStoreAdminAt(storageOf(v));
  try {
    const storeId = need(v.store, 'store');
    let since = int(v.since, 'since', 0);
    for (;;) {
      const page = unwrap(await admin.listEvents(storeId, since, 1000));
      for (const e of page) out({ seq: e.seq, id: e.id, receivedAt: e.receivedAt, payload: e.payload });
      const last = page.at(-1);
      if (!last) return;
      since = last.seq;
    }
  } finally {
    await admin.close();
  }
}

async function listenCommand(v: Values): Promise<void> {
  const count = v.count === undefined ? undefined : int(v.count, 'count', 0);
  const code = await listen({
    url: need(v.url, 'url'),
    storeId: need(v.store, 'store'),
    token: need(v.token ?? process.env['RELAY_STREAM_TOKEN'], 'token'),
    signingKey: need(v['signing-key'] ?? process.env['RELAY_SIGNING_KEY'], 'signing-key'),
    after: int(v.after, 'after', 0),
    count,
    write: (line) => process.stdout.write(line + '\n'),
    warn: (line) => process.stderr.write(`relay listen: ${line}\n`),
  });
  process.exitCode = code;
}

async function main(argv: string[]): Promise<void> {
  const parsed = parseFlags(argv, OPTIONS, { positionals: true });
  if (!parsed.ok) throw new UsageError(describeFlagProblem(parsed));
  const { values, positionals } = parsed;
  const [command, sub] = positionals;
  if (command === 'serve') return serve(values);
  if (command === 'store') return store(sub, values);
  if (command === 'events') return events(values);
  if (command === 'listen') return listenCommand(values);
  throw new UsageError(command === undefined ? 'no command' : `unknown command: ${command}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const usage = err instanceof UsageError;
  process.stderr.write(`relay: ${err instanceof Error ? err.message : String(err)}\n`);
  if (usage) process.stderr.write(USAGE + '\n');
  process.exit(usage ? 2 : 1);
});
