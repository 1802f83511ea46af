// Relay benchmark (issues 4 and 18, "Performance"): in one run and with one load generator, the relay on SQLite
// (1 instance) and on PostgreSQL (1 and 2 instances on one database), smee.io's architecture (Express + SSE),
// the thin forwarder, a bare `ws` broadcast and a bare Node HTTP server (baseline-servers.ts), each with N
// connected stores (channels): ingress webhooks/s (closed loop) and delivery p50/p99 at full load and at paced
// rates, printed with ratios to the baselines, `--runs` times. Everything listens on 127.0.0.1.
// Usage: npm run bench:relay [-- --stores 1000 --total 10000 --concurrency 64 --rates 200,1000 --paced-seconds 10
//        --runs 3 --targets http,ws,smee,thin,sqlite,pg --instances 1,2 [--database-url postgres://…]
//        [--compare-cli <another checkout>/relay/cli.ts]]
// --compare-cli adds that relay on SQLite as one more target, for a before/after in the same run.
// Without --database-url, a throwaway PostgreSQL cluster is started for the run (test/support/pg-cluster.ts, with
// fsync on, as production) and each PostgreSQL target gets a fresh database; with it, every PostgreSQL target
// adds its own stores to that database. Without PostgreSQL binaries the PostgreSQL targets are skipped (said so).
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { measureTarget } from './measure';
import type { TargetResult } from './measure';
import { printRun, printSummary } from './report';
import { baselineTarget, relayTarget } from './targets';
import type { Target } from './targets';

const { values } = parseArgs({
  options: {
    stores: { type: 'string', default: '1000' },
    total: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '64' },
    rates: { type: 'string', default: '200,1000' },
    'paced-seconds': { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    targets: { type: 'string', default: 'http,ws,smee,thin,sqlite,pg' },
    instances: { type: 'string', default: '1,2' },
    'database-url': { type: 'string' },
    'compare-cli': { type: 'string' },
  },
});
const list = (s: string): string[] => s.split(',').filter((x) => x !== '');
const positive = (s: string, flag: string): number => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} takes positive integers`);
  return n;
};
const opts = {
  stores: positive(values.stores, 'stores'),
  total: positive(values.total, 'total'),
  concurrency: positive(values.concurrency, 'concurrency'),
  rates: list(values.rates).map((r) => positive(r, 'rates')),
  pacedSeconds: positive(values['paced-seconds'], 'paced-seconds'),
};
const RUNS = positive(values.runs, 'runs');
const TARGETS = new Set(list(values.targets));
const INSTANCES = list(values.instances).map((n) => positive(n, 'instances'));
const BURST = opts.total + opts.pacedSeconds * opts.rates.reduce((a, r) => a + r, 0) + 4000;

interface Cluster {
  createDatabase: () => Promise<string>;
  destroy: () => void;
}

/** Where PostgreSQL targets get their database: the given URL, or a throwaway cluster (undefined: none here). */
async function postgres(): Promise<{ databaseUrl: () => Promise<string>; close: () => void } | undefined> {
  const given = values['database-url'];
  if (given !== undefined) return { databaseUrl: () => Promise.resolve(given), close: () => undefined };
  // The test helper, loaded at run time (tsx runs it); the relay's own build never includes test code.
  const helper = pathToFileURL(
    join(fileURLToPath(new URL('../..', import.meta.url)), 'test/support/pg-cluster.ts'),
  );
  const { startPgCluster } = (await import(helper.href)) as {
    startPgCluster: (o: {
      durable: boolean;
    }) => Promise<{ ok: true; cluster: Cluster } | { ok: false; reason: string }>;
  };
  const r = await startPgCluster({ durable: true });
  if (!r.ok) {
    console.log(`PostgreSQL targets skipped: ${r.reason} (or pass --database-url)`);
    return undefined;
  }
  return { databaseUrl: r.cluster.createDatabase, close: r.cluster.destroy };
}

async function main(): Promise<void> {
  const pg = TARGETS.has('pg') ? await postgres() : undefined;
  // Ceilings and baselines first, then the relay, so neighbours in time share the machine's load.
  const targets: Target[] = [
    ...(TARGETS.has('http') ? [baselineTarget('bare Node HTTP', 'http')] : []),
    ...(TARGETS.has('ws') ? [baselineTarget('bare ws broadcast', 'ws')] : []),
    ...(TARGETS.has('smee') ? [baselineTarget('smee.io-like', 'smee')] : []),
    ...(TARGETS.has('thin') ? [baselineTarget('thin forwarder', 'thin')] : []),
    ...(TARGETS.has('sqlite') ? [relayTarget({ name: 'relay SQLite ×1', instances: 1, burst: BURST })] : []),
    ...(values['compare-cli'] !== undefined
      ? [relayTarget({ name: 'other SQLite ×1', instances: 1, burst: BURST, cli: values['compare-cli'] })]
      : []),
    ...(pg
      ? INSTANCES.map((n) =>
          relayTarget({
            name: `relay PostgreSQL ×${n}`,
            instances: n,
            burst: BURST,
            databaseUrl: pg.databaseUrl,
          }),
        )
      : []),
  ];
  console.log(
    `relay bench: ${opts.stores} stores, ${opts.total} webhooks closed loop, ${opts.concurrency} in flight, paced ` +
      `${opts.rates.join(' and ')}/s for ${opts.pacedSeconds} s, ${RUNS} run(s), node ${process.version}, ` +
      `${cpus().length} cores`,
  );
  const runs: TargetResult[][] = [];
  let ref = 0;
  let failed = false;
  try {
    for (let run = 1; run <= RUNS; run++) {
      const results: TargetResult[] = [];
      for (const target of targets) {
        const m = await measureTarget(target, opts, ref);
        ref = m.nextRef;
        results.push(m.result);
        if (m.result.relay && (m.result.anomalies > 0 || missing(m.result) > 0)) failed = true;
      }
      printRun(run, results, opts.rates);
      runs.push(results);
    }
    if (RUNS > 1) printSummary(runs, opts.rates);
  } finally {
    pg?.close();
  }
  if (failed) process.exitCode = 1;
}

/** Answered 200 by the relay and never delivered: the relay must lose nothing. */
function missing(r: TargetResult): number {
  return [r.closed, ...r.paced.values()].reduce((a, p) => a + (p.latency?.missing ?? 0), 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
