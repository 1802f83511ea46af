// What bench:relay measures, side by side with one load generator: the relay (SQLite, or PostgreSQL with one or
// more instances on one database) and the baselines of baseline-servers.ts. Each target starts its server
// process(es), connects one client per store (or channel), and says where webhook i goes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStoreAdminAt } from '../stores/store-admin';
import type { NewStoreCredentials } from '../stores/store-admin';
import { CHANNEL_PREFIX } from './baseline-servers';
import type { BaselineKind } from './baseline-servers';
import { connectBaselineClients, connectClients, connectSseClients } from './clients';
import type { ClientStats } from './clients';
import { startBaseline, startRelayProcess } from './processes';
import type { Served } from './processes';

/** A target's server processes, up and ready for load. */
export interface RunningTarget {
  /** Ingress is spread round robin over these (one per instance). */
  urls: string[];
  servers: Served[];
  /** Opens the clients; absent for the bare HTTP ceiling, which delivers nothing. */
  connect?: (
    onEvent: (channel: number, payload: Record<string, unknown>) => void,
  ) => Promise<{ stats: ClientStats; close: () => void }>;
  /** The ingress path of webhook i (store i % stores). */
  path: (i: number) => string;
  stop: () => Promise<void>;
}

/** A measured configuration. */
export interface Target {
  name: string;
  /** The relay (stores before 200) as opposed to a baseline (stores nothing). */
  relay: boolean;
  start: (stores: number) => Promise<RunningTarget>;
}

/**
 * The store admin of the relay under test: this checkout's, or for another CLI the admin module beside it
 * (`<checkout>/relay/stores/store-admin.ts`, loaded by tsx at run time), so its database has that relay's own
 * schema (a newer admin would migrate it past what an older relay opens).
 */
async function adminFor(cli: string | undefined): Promise<typeof openStoreAdminAt> {
  if (cli === undefined) return openStoreAdminAt;
  const file = join(dirname(resolve(cli)), 'stores/store-admin.ts');
  return ((await import(pathToFileURL(file).href)) as { openStoreAdminAt: typeof openStoreAdminAt })
    .openStoreAdminAt;
}

async function addStores(
  where: { dataDir: string } | { databaseUrl: string },
  count: number,
  cli?: string,
): Promise<NewStoreCredentials[]> {
  const admin = await (await adminFor(cli))(where);
  const stores: NewStoreCredentials[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const r = await admin.addStore({ name: `bench-${i}` });
      if (r.ok) stores.push(r.value);
    }
  } finally {
    await admin.close();
  }
  return stores;
}

/**
 * The relay on SQLite (`databaseUrl` absent) or on PostgreSQL as `instances` processes. Every stream client
 * connects to the first instance, so with two, half the events reach their stream through LISTEN/NOTIFY.
 * `burst` sizes every store's ingress bucket to the whole run: the limiter runs but never refuses.
 */
export function relayTarget(opts: {
  name: string;
  instances: number;
  burst: number;
  databaseUrl?: () => Promise<string>;
  /** Another relay CLI entry point (e.g. another checkout's relay/cli.ts), for before/after in one run. */
  cli?: string;
}): Target {
  return {
    name: opts.name,
    relay: true,
    async start(count) {
      const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-data-'));
      const where = opts.databaseUrl ? { databaseUrl: await opts.databaseUrl() } : { dataDir };
      const stores = await addStores(where, count, opts.cli);
      const extra = ['--log-level', 'warn', '--ingress-burst', String(opts.burst)];
      const servers: Served[] = [];
      for (let k = 0; k < opts.instances; k++) servers.push(await startRelayProcess(where, extra, opts.cli));
      return {
        urls: servers.map((s) => s.url),
        servers,
        connect: (onEvent) => connectClients(servers[0]?.url ?? '', stores, onEvent),
        path: (i) => stores[i % stores.length]?.ingressPath ?? '/',
        async stop() {
          await Promise.all(servers.map((s) => s.stop()));
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}

/** A baseline of baseline-servers.ts with one channel per store. */
export function baselineTarget(name: string, kind: BaselineKind): Target {
  return {
    name,
    relay: false,
    async start(count) {
      const server = await startBaseline(kind);
      return {
        urls: [server.url],
        servers: [server],
        ...(kind !== 'http' && {
          connect: (onEvent) =>
            (kind === 'smee' ? connectSseClients : connectBaselineClients)(server.url, count, onEvent),
        }),
        path: (i) => CHANNEL_PREFIX + String(i % count),
        stop: server.stop,
      };
    },
  };
}
