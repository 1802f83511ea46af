// One target through the bench's phases: warm-up, a closed-loop burst (ingress throughput, and delivery at full
// load), then paced loads (delivery latency at a given webhook rate). Latency is from the moment a POST is
// written to the moment the store's client holds the event (verified, for the relay).
import { readFileSync } from 'node:fs';
import { loadAcross } from './load';
import type { LoadResult } from './load';
import type { RunningTarget, Target } from './targets';

/** Latency figures of one phase, in ms. */
export interface Latency {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  /** Webhooks answered 200 that never reached their client (within 30 s of the end of the phase). */
  missing: number;
}

/** What one phase measured. */
export interface PhaseResult {
  load: LoadResult;
  /** Answered 200 per second. */
  ingressPerSecond: number;
  latency?: Latency;
  /** CPU seconds of the target's server processes during the phase (all threads), 0 without /proc. */
  serverCpu: number;
  /** The part of serverCpu spent on the servers' main threads (the event loops); the rest is other threads. */
  serverMainThreadCpu: number;
  /**
   * CPU seconds of this bench process during the phase (load generator and clients together): on a machine
   * whose cores are all busy, ingress is bounded by the server's CPU plus this, so a target whose clients
   * do more per event (the relay's verify and ack) is measured with less CPU left for the load.
   */
  benchCpu: number;
}

/** What a target measured in one run. */
export interface TargetResult {
  name: string;
  relay: boolean;
  closed: PhaseResult;
  paced: Map<number, PhaseResult>;
  /** Delivery problems: twice, wrong store, bad signature, repeated seq. */
  anomalies: number;
  /** Client connections that closed during the phases (a relay close the bench's clients do not survive). */
  streamsClosed: number;
  /** A few figures from the relay's /metrics after the run (group commit, event-loop lag). */
  notes: string;
}

/** User + system CPU seconds of a process (all its threads) or of one thread, from /proc; 0 where /proc is absent. */
function cpuSeconds(pid: number | undefined, tid?: number): number {
  try {
    const file = tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`;
    const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** A Kushki-shaped webhook with reference `n` (unique within the bench process). */
export function webhookBody(n: number): string {
  return JSON.stringify({
    result: 'aprobada',
    amount: '150.00',
    tip: '15.00',
    payments: 0,
    authorizationTime: '2025-01-15T13:45:12-06:00',
    reference: 'Compra en restaurante',
    transactionid: String(1_000_000 + n),
    authorization: 'A1B2C3',
    creditcard: '4242',
    cardtype: 'VISA',
    arqc: '9F26...',
    userID: 1234,
    aid: 'A0000000031010',
    applabel: 'VISA CREDITO',
    url: 'abcd1234',
    uniqueReference: `bench-${process.pid}-${n}`,
    transactionType: 'venta',
  });
}

const referenceOf = (payload: Record<string, unknown>): number =>
  Number(String(payload['uniqueReference']).split('-').at(-1));

function relayNotes(metrics: string): string {
  const num = (name: string): number =>
    Number(new RegExp(`^${name} ([\\d.e+-]+)$`, 'm').exec(metrics)?.[1] ?? NaN);
  const commits = num('relay_storage_transactions_total');
  const parts: string[] = [];
  if (commits > 0)
    parts.push(
      `group commit ${(num('relay_storage_transaction_events_total') / commits).toFixed(1)}/txn ` +
        `${((1000 * num('relay_storage_transaction_seconds_total')) / commits).toFixed(1)} ms`,
    );
  parts.push(`loop lag p99 ${(1000 * num('relay_nodejs_eventloop_lag_p99_seconds')).toFixed(0)} ms`);
  parts.push(`rss ${(num('relay_process_resident_memory_bytes') / 2 ** 20).toFixed(0)} MB`);
  return parts.join(', ');
}

/** Runs every phase on `target` with `stores` stores; references start at `firstRef` and are never reused. */
export async function measureTarget(
  target: Target,
  opts: { stores: number; total: number; concurrency: number; rates: number[]; pacedSeconds: number },
  firstRef: number,
): Promise<{ result: TargetResult; nextRef: number }> {
  const running: RunningTarget = await target.start(opts.stores);
  let ref = firstRef;
  const sentAt = new Map<number, number>();
  let phaseLatencies: number[] = [];
  let delivered = 0;
  let anomalies = 0;
  const clients = await running.connect?.((channel, payload) => {
    const n = referenceOf(payload);
    if (n % opts.stores !== channel) anomalies++;
    const at = sentAt.get(n);
    if (at === undefined) return void anomalies++;
    sentAt.delete(n);
    delivered++;
    phaseLatencies.push(performance.now() - at);
  });
  const pids = running.servers.map((s) => s.child.pid);
  const serverCpu = (): number => pids.reduce<number>((a, pid) => a + cpuSeconds(pid), 0);
  const serverMainCpu = (): number => pids.reduce<number>((a, pid) => a + cpuSeconds(pid, pid), 0);

  const phase = async (total: number, rate?: number): Promise<PhaseResult> => {
    const base = ref;
    ref += total;
    phaseLatencies = [];
    delivered = 0;
    const cpuBefore = serverCpu();
    const mainBefore = serverMainCpu();
    const benchBefore = process.cpuUsage();
    const load = await loadAcross(running.urls, {
      total,
      // Paced, a slow answer must not throttle the sender (Kushki's deliveries do not wait for each other): with
      // 64 in flight, 1,000/s needed every answer within 64 ms, and a loaded relay got only what it answered.
      concurrency: rate === undefined ? opts.concurrency : Math.max(opts.concurrency, Math.ceil(rate / 4)),
      path: (i) => running.path(base + i),
      body: (i) => webhookBody(base + i),
      onSent: (i) => void (clients && sentAt.set(base + i, performance.now())),
      ...(rate !== undefined && { rate }),
    });
    const cpu = serverCpu() - cpuBefore;
    const bench = process.cpuUsage(benchBefore);
    const result: PhaseResult = {
      load,
      ingressPerSecond: load.ok / load.seconds,
      serverCpu: cpu,
      serverMainThreadCpu: serverMainCpu() - mainBefore,
      benchCpu: (bench.user + bench.system) / 1e6,
    };
    if (!clients) return result;
    const deadline = performance.now() + 30_000;
    while (delivered < load.ok && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const sorted = phaseLatencies.sort((a, b) => a - b);
    result.latency = {
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      samples: sorted.length,
      missing: load.ok - delivered,
    };
    // A webhook answered 503 never arrives; forget it so the next phase does not count it as an anomaly.
    sentAt.clear();
    return result;
  };

  try {
    await phase(2000); // warm-up: JIT, page caches, connection pools
    const closed = await phase(opts.total);
    const paced = new Map<number, PhaseResult>();
    if (clients) for (const rate of opts.rates) paced.set(rate, await phase(rate * opts.pacedSeconds, rate));
    const notes = target.relay ? relayNotes(await (await fetch(`${running.urls[0]}/metrics`)).text()) : '';
    return {
      result: {
        name: target.name,
        relay: target.relay,
        closed,
        paced,
        anomalies: anomalies + (clients ? clients.stats.badFrames + clients.stats.duplicates : 0),
        streamsClosed: clients?.stats.closed ?? 0,
        notes,
      },
      nextRef: ref,
    };
  } finally {
    clients?.close();
    await running.stop();
  }
}
