// Process figures of /metrics: CPU, memory, descriptors, event-loop delay and GC, with the names prom-client's
// default metrics give them. [Note: monitors stop with the relay] prom-client's collectDefaultMetrics starts an
// event-loop delay histogram (a native timer firing every 10 ms) and a GC observer that nothing can stop: every
// relay created in a process (each test, each bench target run in-process) left both running after close(). The
// relay owns them here and stop() ends them; everything else is read at scrape time and holds nothing.
import { readdirSync } from 'node:fs';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { PerformanceEntry } from 'node:perf_hooks';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';

/** The running monitors behind the process figures. */
export interface ProcessMetrics {
  /** Samples the event-loop histogram took so far (they stop growing once stopped). */
  loopSamples(): number;
  /** Stops the event-loop histogram and the GC observer. Idempotent. */
  stop(): void;
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

function openDescriptors(): number | undefined {
  try {
    return readdirSync('/proc/self/fd').length - 1; // minus the one readdir itself held
  } catch {
    return undefined; // no /proc here
  }
}

/** Registers the process figures on `registry` with names starting with `prefix` and starts their monitors. */
export function registerProcessMetrics(registry: Registry, prefix: string): ProcessMetrics {
  const registers = [registry];
  const gauge = (name: string, help: string, read: () => number | undefined): void =>
    void new Gauge({
      name: prefix + name,
      help,
      registers,
      collect() {
        const v = read();
        if (v !== undefined) this.set(v);
      },
    });

  // Counters only go up: each scrape adds the CPU used since the previous one (counted from the process start).
  const cpuCounter = (name: string, help: string, read: (u: NodeJS.CpuUsage) => number): void => {
    let last = 0;
    void new Counter({
      name: prefix + name,
      help,
      registers,
      collect() {
        const now = read(process.cpuUsage());
        this.inc(Math.max(0, now - last) / 1e6);
        last = now;
      },
    });
  };
  cpuCounter('process_cpu_user_seconds_total', 'User CPU time spent in seconds.', (u) => u.user);
  cpuCounter('process_cpu_system_seconds_total', 'System CPU time spent in seconds.', (u) => u.system);
  cpuCounter(
    'process_cpu_seconds_total',
    'Total user and system CPU time spent in seconds.',
    (u) => u.user + u.system,
  );
  const started = Math.round(Date.now() / 1000 - process.uptime());
  gauge(
    'process_start_time_seconds',
    'Start time of the process since unix epoch in seconds.',
    () => started,
  );
  gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => process.memoryUsage.rss());
  gauge('process_open_fds', 'Number of open file descriptors.', openDescriptors);
  gauge(
    'nodejs_heap_size_total_bytes',
    'Process heap size from Node.js in bytes.',
    () => process.memoryUsage().heapTotal,
  );
  gauge(
    'nodejs_heap_size_used_bytes',
    'Process heap size used from Node.js in bytes.',
    () => process.memoryUsage().heapUsed,
  );
  gauge(
    'nodejs_external_memory_bytes',
    'Node.js external memory size in bytes.',
    () => process.memoryUsage().external,
  );

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const seconds = (ns: number): number => (Number.isFinite(ns) ? ns / 1e9 : 0);
  const loopFigures: Record<string, () => number> = {
    min: () => loop.min,
    max: () => loop.max,
    mean: () => loop.mean,
    stddev: () => loop.stddev,
    p50: () => loop.percentile(50),
    p90: () => loop.percentile(90),
    p99: () => loop.percentile(99),
  };
  for (const [key, read] of Object.entries(loopFigures)) {
    gauge(
      `nodejs_eventloop_lag_${key}_seconds`,
      `The ${key} of the event loop delay, sampled every 10 ms.`,
      () => seconds(read()),
    );
  }
  // A scrape runs every collect at once: the figures above are read synchronously, this one waits a turn and then
  // starts the histogram afresh, so each scrape reports the interval since the previous one.
  void new Gauge({
    name: prefix + 'nodejs_eventloop_lag_seconds',
    help: 'Lag of event loop in seconds (a setImmediate at scrape time).',
    registers,
    async collect() {
      const start = process.hrtime.bigint();
      await new Promise((r) => setImmediate(r));
      this.set(Number(process.hrtime.bigint() - start) / 1e9);
      loop.reset();
    },
  });

  const gcDurations = new Histogram({
    name: prefix + 'nodejs_gc_duration_seconds',
    help: 'Garbage collection duration by kind.',
    labelNames: ['kind'],
    buckets: [0.001, 0.01, 0.1, 1, 2, 5],
    registers,
  });
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
      gcDurations.observe({ kind: GC_KINDS[entry.detail?.kind ?? -1] ?? 'unknown' }, entry.duration / 1000);
    }
  });
  gc.observe({ entryTypes: ['gc'] });

  let stopped = false;
  return {
    loopSamples: () => loop.count,
    stop() {
      if (stopped) return;
      stopped = true;
      loop.disable();
      gc.disconnect();
    },
  };
}
