// Relay benchmark (issue 4, "Performance"): N stores connected over loopback, a closed-loop burst of Kushki
// webhooks spread over them, and the figures: ingress throughput (answered 200 per second), ingress→client
// delivery latency p50/p99 (from the moment the POST is written to the moment the store's client has the
// verified event), memory, loss, and a bare Node HTTP server's throughput in the same run as the ceiling.
// Usage: npm run bench:relay [-- --stores 1000 --total 30000 --concurrency 64 [--rate 2000]
//        [--database-url postgres://… [--instances 2]]]
// With --database-url the relay runs on PostgreSQL (issue 18), as `--instances` processes on that database: ingress
// is spread round robin over them, and every stream client connects to the first, so with two instances half the
// events reach their stream through LISTEN/NOTIFY from the other instance.
// Without --rate the load is closed-loop (maximum throughput); with it, requests are paced at that rate.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStoreAdminAt } from '../stores/store-admin';
import type { NewStoreCredentials } from '../stores/store-admin';
import { connectClients } from './clients';
import { runLoad } from './load';
import type { LoadResult } from './load';
import { startBareServer, startRelayProcess } from './processes';

const { values } = parseArgs({
  options: {
    stores: { type: 'string', default: '1000' },
    total: { type: 'string', default: '30000' },
    concurrency: { type: 'string', default: '64' },
    rate: { type: 'string' },
    'database-url': { type: 'string' },
    instances: { type: 'string', default: '1' },
  },
});
const DATABASE_URL = values['database-url'];
const INSTANCES = Number(values.instances);
if (!Number.isInteger(INSTANCES) || INSTANCES < 1 || (INSTANCES > 1 && DATABASE_URL === undefined)) {
  throw new Error('--instances is a positive integer, and more than 1 needs --database-url');
}
const STORES = Number(values.stores);
const TOTAL = Number(values.total);
const CONCURRENCY = Number(values.concurrency);
const RATE = values.rate === undefined ? undefined : Number(values.rate);

function webhookBody(i: number): string {
  return JSON.stringify({
    result: 'aprobada',
    amount: '150.00',
    tip: '15.00',
    payments: 0,
    authorizationTime: '2025-01-15T13:45:12-06:00',
    reference: 'Compra en restaurante',
    transactionid: String(1_000_000 + i),
    authorization: 'A1B2C3',
    creditcard: '4242',
    cardtype: 'VISA',
    arqc: '9F26...',
    userID: 1234,
    aid: 'A0000000031010',
    applabel: 'VISA CREDITO',
    url: 'abcd1234',
    uniqueReference: `bench-${i}`,
    transactionType: 'venta',
  });
}

/** User + system CPU seconds of a child process (all its threads), from /proc; 0 where /proc is absent. */
function relayCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * One closed (or paced) load spread over the instances: request j goes to instance j % n, each instance with its
 * share of the concurrency and rate; the figures are summed, the duration is the longest.
 */
async function loadAcross(
  urls: readonly string[],
  opts: Omit<Parameters<typeof runLoad>[0], 'url'>,
): Promise<LoadResult> {
  const n = urls.length;
  const parts = await Promise.all(
    urls.map((url, k) => {
      const map = (i: number): number => i * n + k;
      return runLoad({
        url,
        total: Math.ceil((opts.total - k) / n),
        concurrency: Math.max(1, Math.ceil(opts.concurrency / n)),
        path: (i) => opts.path(map(i)),
        body: (i) => opts.body(map(i)),
        ...(opts.onSent ? { onSent: (i: number) => opts.onSent?.(map(i)) } : {}),
        ...(opts.rate !== undefined ? { rate: opts.rate / n } : {}),
      });
    }),
  );
  const statuses = new Map<number, number>();
  for (const p of parts) for (const [k, v] of p.statuses) statuses.set(k, (statuses.get(k) ?? 0) + v);
  return {
    total: parts.reduce((a, p) => a + p.total, 0),
    ok: parts.reduce((a, p) => a + p.ok, 0),
    failed: parts.reduce((a, p) => a + p.failed, 0),
    statuses,
    seconds: Math.max(...parts.map((p) => p.seconds)),
  };
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0) + ' MB';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-data-'));
  const admin = await openStoreAdminAt(
    DATABASE_URL !== undefined ? { databaseUrl: DATABASE_URL } : { dataDir },
  );
  const stores: NewStoreCredentials[] = [];
  for (let i = 0; i < STORES; i++) {
    const r = await admin.addStore({ name: `bench-${i}` });
    if (r.ok) stores.push(r.value);
  }
  await admin.close();

  console.log(
    `relay bench: ${STORES} stores, ${TOTAL} webhooks, ${CONCURRENCY} concurrent requests, node ${process.version}, ` +
      `${DATABASE_URL !== undefined ? `PostgreSQL, ${INSTANCES} instance(s)` : 'SQLite, 1 instance'}`,
  );
  const bare = await startBareServer();
  await runLoad({ url: bare.url, total: 2000, concurrency: CONCURRENCY, path: () => '/', body: webhookBody });
  const ceiling = await runLoad({
    url: bare.url,
    total: TOTAL,
    concurrency: CONCURRENCY,
    path: () => '/',
    body: webhookBody,
  });
  await bare.stop();

  // The bench measures throughput, so every store's bucket holds the whole run: the limiter runs, never refuses.
  // The URL travels in the environment (as in the deployment recipe), never on a command line.
  if (DATABASE_URL !== undefined) process.env['RELAY_DATABASE_URL'] = DATABASE_URL;
  const relays = await Promise.all(
    Array.from({ length: INSTANCES }, () =>
      startRelayProcess(dataDir, ['--log-level', 'warn', '--ingress-burst', String(TOTAL + 2000)]),
    ),
  );
  const relay = relays[0]!;
  const urls = relays.map((r) => r.url);
  const sentAt = new Float64Array(TOTAL + 2000);
  const latencies: number[] = [];
  // Worst latency per wall-clock second, to tell a steady tail from a few stalls.
  const worstBySecond = new Map<number, number>();
  const seen = new Uint8Array(TOTAL + 2000);
  let wrongStore = 0;
  const { stats, close } = await connectClients(relay.url, stores, (storeIndex, payload) => {
    const i = Number(String(payload['uniqueReference']).slice('bench-'.length));
    if (i % STORES !== storeIndex) wrongStore++;
    seen[i] = (seen[i] ?? 0) + 1;
    if (i < TOTAL) {
      const now = performance.now();
      latencies.push(now - (sentAt[i] ?? 0));
      worstBySecond.set(
        Math.floor(now / 1000),
        Math.max(worstBySecond.get(Math.floor(now / 1000)) ?? 0, now - (sentAt[i] ?? 0)),
      );
    }
  });
  console.log(`connected ${STORES} stream clients`);

  // Warm-up (JIT, SQLite page cache) with distinct references, then the measured burst.
  const warm = 2000;
  await loadAcross(urls, {
    total: warm,
    concurrency: CONCURRENCY,
    path: (i) => stores[(TOTAL + i) % STORES]?.ingressPath ?? '/',
    body: (i) => webhookBody(TOTAL + i),
    onSent: (i) => (sentAt[TOTAL + i] = performance.now()),
  });
  latencies.length = 0;
  const relaysCpu = (): number => relays.reduce((a, r) => a + relayCpuSeconds(r.child.pid), 0);
  const cpuBefore = { relay: relaysCpu(), bench: process.cpuUsage() };
  const result = await loadAcross(urls, {
    total: TOTAL,
    concurrency: CONCURRENCY,
    path: (i) => stores[i % STORES]?.ingressPath ?? '/',
    body: webhookBody,
    onSent: (i) => (sentAt[i] = performance.now()),
    ...(RATE !== undefined ? { rate: RATE } : {}),
  });
  // Wait (bounded) for the last deliveries to land.
  const deadline = performance.now() + 30_000;
  while (stats.events < TOTAL + warm && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const relayCpu = relaysCpu() - cpuBefore.relay;
  const benchUsage = process.cpuUsage(cpuBefore.bench);
  const benchCpu = (benchUsage.user + benchUsage.system) / 1e6;
  const metrics = await (await fetch(relay.url + '/metrics')).text();
  const rss = Number(/^relay_process_resident_memory_bytes (\d+)/m.exec(metrics)?.[1] ?? 0);
  const heap = Number(/^relay_nodejs_heap_size_used_bytes (\d+)/m.exec(metrics)?.[1] ?? 0);
  const commits = Number(/^relay_storage_transactions_total (\d+)/m.exec(metrics)?.[1] ?? 0);
  const committed = Number(/^relay_storage_transaction_events_total (\d+)/m.exec(metrics)?.[1] ?? 0);
  const commitSeconds = Number(
    /^relay_storage_transaction_seconds_total ([\d.e+-]+)/m.exec(metrics)?.[1] ?? 0,
  );
  close();
  await Promise.all(relays.map((r) => r.stop()));
  rmSync(dataDir, { recursive: true, force: true });

  const sorted = latencies.sort((a, b) => a - b);
  const seconds = [...worstBySecond.values()];
  const over50 = seconds.filter((ms) => ms > 50).length;
  let missing = 0;
  let twice = 0;
  for (let i = 0; i < TOTAL; i++) {
    if (seen[i] === 0) missing++;
    if ((seen[i] ?? 0) > 1) twice++;
  }
  const rate = (r: { ok: number; seconds: number }): string => (r.ok / r.seconds).toFixed(0);
  console.log('');
  console.log(`bare node http ceiling : ${rate(ceiling)} req/s (${ceiling.ok}/${ceiling.total} ok)`);
  console.log(
    `relay ingress          : ${rate(result)} webhooks/s answered 200 (${result.ok}/${result.total} ok, ${result.failed} failed, statuses ${JSON.stringify(Object.fromEntries(result.statuses))})`,
  );
  console.log(
    `relay / ceiling        : ${((100 * Number(rate(result))) / Number(rate(ceiling))).toFixed(0)}%`,
  );
  console.log(
    `delivery latency       : p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms (${sorted.length} samples)`,
  );
  console.log(
    `loss                   : ${missing} missing, ${twice} delivered twice, ${wrongStore} to the wrong store, ${stats.badFrames} bad signatures, ${stats.duplicates} repeated seqs`,
  );
  console.log(
    `relay memory (first)   : rss ${mb(rss)}, heap ${mb(heap)} (bench process rss ${mb(process.memoryUsage().rss)})`,
  );
  // The PostgreSQL adapter keeps no group-commit figures of its own (each batch is one transaction).
  if (commits > 0)
    console.log(
      `group commit           : ${commits} transactions, ${(committed / commits).toFixed(1)} webhooks each on average, ${((1000 * commitSeconds) / commits).toFixed(2)} ms each`,
    );
  console.log(`seconds with a delivery > 50 ms: ${over50} of ${seconds.length}`);
  console.log(
    `cpu during the burst    : relay ${relayCpu.toFixed(1)} s, bench (load + clients) ${benchCpu.toFixed(1)} s, over ${result.seconds.toFixed(1)} s on ${cpus().length} cores`,
  );
  if (missing > 0 || twice > 0 || wrongStore > 0 || stats.badFrames > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
