// Printing bench:relay's figures: one table per run with every figure beside its baselines' (so load on a shared
// machine can be told from a regression), then the median of the runs.
import type { PhaseResult, TargetResult } from './measure';

const SMEE = 'smee.io-like';
const BARE_WS = 'bare ws broadcast';
const BARE_HTTP = 'bare Node HTTP';

const pad = (s: string, n: number): string => s.padEnd(n);
const ms = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(1));
const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || !(b > 0) || Number.isNaN(a) ? '-' : `${(a / b).toFixed(2)}×`;

function byName(results: readonly TargetResult[], name: string): TargetResult | undefined {
  return results.find((r) => r.name === name);
}

function latencyCell(
  p: PhaseResult | undefined,
  smee: PhaseResult | undefined,
  ws: PhaseResult | undefined,
): string {
  const l = p?.latency;
  if (!l) return '-';
  return `${ms(l.p50)}/${ms(l.p99)} (${ratio(l.p99, smee?.latency?.p99)} smee, ${ratio(l.p99, ws?.latency?.p99)} ws)`;
}

/** One run's table. */
export function printRun(run: number, results: readonly TargetResult[], rates: readonly number[]): void {
  const smee = byName(results, SMEE);
  const ws = byName(results, BARE_WS);
  const http = byName(results, BARE_HTTP);
  console.log('');
  console.log(
    `run ${run}: ingress = answered 200 per second, closed loop; latency p50/p99 in ms, POST → client`,
  );
  for (const r of results) {
    const c = r.closed;
    const statuses = JSON.stringify(Object.fromEntries(c.load.statuses));
    console.log(
      `  ${pad(r.name, 20)} ingress ${c.ingressPerSecond.toFixed(0).padStart(6)}/s ` +
        `(${ratio(c.ingressPerSecond, smee?.closed.ingressPerSecond)} smee, ` +
        `${ratio(c.ingressPerSecond, http?.closed.ingressPerSecond)} bare http; statuses ${statuses})`,
    );
    const cores = c.serverCpu / c.load.seconds;
    const perK = (1000 * c.serverCpu) / Math.max(1, c.load.ok);
    console.log(
      `  ${pad('', 20)} server cpu ${perK.toFixed(2)} s per 1,000 webhooks (main thread ` +
        `${((1000 * c.serverMainThreadCpu) / Math.max(1, c.load.ok)).toFixed(2)}), ${cores.toFixed(2)} cores busy at full load, ` +
        `bench process ${((1000 * c.benchCpu) / Math.max(1, c.load.ok)).toFixed(2)} s per 1,000` +
        (r.notes !== '' ? `; ${r.notes}` : ''),
    );
    if (!c.latency) continue;
    console.log(`  ${pad('', 20)} full load ${latencyCell(c, smee?.closed, ws?.closed)}`);
    for (const rate of rates) {
      const p = r.paced.get(rate);
      const reached = p ? `${p.ingressPerSecond.toFixed(0)}/s reached` : '';
      console.log(
        `  ${pad('', 20)} ${`${rate}/s`.padStart(9)} ${latencyCell(p, smee?.paced.get(rate), ws?.paced.get(rate))} ${reached}`,
      );
    }
    const lost = [c, ...r.paced.values()].reduce((a, p) => a + (p.latency?.missing ?? 0), 0);
    console.log(
      `  ${pad('', 20)} answered 200 but not delivered: ${lost}; anomalies: ${r.anomalies}; ` +
        `streams closed mid-run: ${r.streamsClosed}`,
    );
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  // An even count takes the mean of the middle two, so two runs do not report the better one as "the median".
  const hi = s[Math.floor(s.length / 2)] ?? NaN;
  return s.length % 2 === 1 ? hi : ((s[s.length / 2 - 1] ?? NaN) + hi) / 2;
};

/** Medians over the runs, each with the runs' values beside it. */
export function printSummary(runs: readonly TargetResult[][], rates: readonly number[]): void {
  console.log('');
  console.log(`median of ${runs.length} runs (each run's value in brackets)`);
  const names = runs[0]?.map((r) => r.name) ?? [];
  const series = (name: string, pick: (r: TargetResult) => number | undefined): number[] =>
    runs.map((rs) => pick(byName(rs, name) ?? ({} as TargetResult)) ?? NaN);
  const fmt = (xs: number[], digits: number): string =>
    `${median(xs).toFixed(digits)} [${xs.map((x) => x.toFixed(digits)).join(', ')}]`;
  for (const name of names) {
    const ingress = series(name, (r) => r.closed?.ingressPerSecond);
    const smeeIngress = series(SMEE, (r) => r.closed?.ingressPerSecond);
    const httpIngress = series(BARE_HTTP, (r) => r.closed?.ingressPerSecond);
    const cpuPerK = series(name, (r) =>
      r.closed ? (1000 * r.closed.serverCpu) / Math.max(1, r.closed.load.ok) : NaN,
    );
    let line =
      `  ${pad(name, 20)} ingress ${fmt(ingress, 0)}/s, ${ratio(median(ingress), median(smeeIngress))} smee, ` +
      `${ratio(median(ingress), median(httpIngress))} bare http; cpu ${fmt(cpuPerK, 2)} s per 1,000`;
    for (const rate of rates) {
      const p99 = series(name, (r) => r.paced?.get(rate)?.latency?.p99);
      if (p99.every(Number.isNaN)) continue;
      const smeeP99 = series(SMEE, (r) => r.paced?.get(rate)?.latency?.p99);
      line += `; p99 at ${rate}/s ${fmt(p99, 1)} ms, ${ratio(median(p99), median(smeeP99))} smee`;
    }
    console.log(line);
  }
}
