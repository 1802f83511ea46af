// The relay's process figures ([Note: monitors stop with the relay]): the event-loop histogram samples while the
// metrics live and not after stop(), judged against a second set still running (never against the wall clock),
// and /metrics carries the figures operators and the bench read.
import { afterEach, describe, expect, it } from 'vitest';
import { RelayMetrics } from '../../../relay/ops/metrics';

const live: RelayMetrics[] = [];
afterEach(() => {
  for (const m of live.splice(0)) m.stop();
});

function metrics(): RelayMetrics {
  const m = new RelayMetrics();
  live.push(m);
  return m;
}

/** Lets timers run until the reference monitor has taken `n` more samples. */
async function untilSamples(reference: RelayMetrics, n: number): Promise<void> {
  const target = reference.loopSamples() + n;
  while (reference.loopSamples() < target) await new Promise((r) => setTimeout(r, 5));
}

function sample(text: string, series: string): number {
  return Number(new RegExp(`^${series} ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
}

describe('relay process metrics', () => {
  it('the event-loop monitor samples while running and stops with stop()', async () => {
    const subject = metrics();
    const reference = metrics();
    await untilSamples(reference, 3);
    expect(subject.loopSamples()).toBeGreaterThan(0);
    subject.stop();
    const frozen = subject.loopSamples();
    await untilSamples(reference, 3);
    expect(subject.loopSamples()).toBe(frozen);
    subject.stop(); // idempotent
  });

  it('exposes memory, CPU and event-loop figures under the relay_ prefix', async () => {
    const m = metrics();
    await untilSamples(m, 2);
    const text = await m.text();
    expect(sample(text, 'relay_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'relay_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'relay_process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'relay_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
    expect(sample(text, 'relay_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/^# TYPE relay_process_cpu_seconds_total counter$/m);
    expect(text).toMatch(/^# TYPE relay_nodejs_gc_duration_seconds histogram$/m);
    // CPU is a counter: a later scrape never reports less.
    const later = await m.text();
    expect(sample(later, 'relay_process_cpu_seconds_total')).toBeGreaterThanOrEqual(
      sample(text, 'relay_process_cpu_seconds_total'),
    );
  });
});
