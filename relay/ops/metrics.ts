// The relay's Prometheus metrics (prom-client, issue 18 item 5), on a registry of its own per relay so several
// relays in one process (the tests) never share or clash. Names are part of the operator's interface (README
// "Operations"); the hot paths only call inc()/observe(), and gauges are read at scrape time.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { registerProcessMetrics } from './process-metrics';
import type { ProcessMetrics } from './process-metrics';

/** Histogram bucket upper bounds, in seconds: ingress and delivery are milliseconds, an offline store hours. */
const LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60, 600, 3600,
];

/** What the relay reports at scrape time. */
export interface GaugeReadings {
  connectedStores: number;
  unackedEvents: number;
  ingressQueue: number;
  /** TCP connections open to the relay's HTTP server, streams included (each holds a file descriptor). */
  openConnections: number;
  storage?: { transactions: number; events: number; seconds: number } | undefined;
}

/** Storage operations whose failures are counted in `relay_storage_errors_total{operation}`. */
export type StorageOperation = 'append' | 'read' | 'get_store' | 'save_acks' | 'ping' | 'prune';

/** The relay's metrics. */
export class RelayMetrics {
  readonly registry = new Registry();
  private readonly process: ProcessMetrics;
  private readings: () => GaugeReadings = () => ({
    connectedStores: 0,
    unackedEvents: 0,
    ingressQueue: 0,
    openConnections: 0,
  });
  private readonly eventsInCounter = this.counter('relay_events_in_total', 'Webhooks stored as new events.');
  private readonly duplicates = this.counter(
    'relay_events_duplicate_total',
    'Kushki redeliveries recognised and not stored again.',
  );
  private readonly probes = this.counter(
    'relay_ingress_probes_total',
    'Empty-body connectivity probes answered 200.',
  );
  private readonly rejected = this.counter(
    'relay_ingress_rejected_total',
    'Ingress requests refused, by reason.',
    ['reason'],
  );
  private readonly delivered = this.counter(
    'relay_events_delivered_total',
    'Events sent to stream clients (live and replay).',
  );
  private readonly replayed = this.counter(
    'relay_events_replayed_total',
    'Events sent as replay of what a client missed.',
  );
  private readonly acked = this.counter('relay_events_acked_total', 'Events acknowledged by stream clients.');
  private readonly streamsOpened = this.counter(
    'relay_stream_connections_total',
    'Stream connections authenticated and attached.',
  );
  private readonly streamRejected = this.counter(
    'relay_stream_rejected_total',
    'Stream connections or frames refused.',
    ['reason'],
  );
  private readonly streamClosed = this.counter(
    'relay_stream_closed_total',
    'Stream connections closed by the relay, by code.',
    ['code'],
  );
  private readonly storageErrors = this.counter(
    'relay_storage_errors_total',
    'Storage calls that failed, by operation.',
    ['operation'],
  );
  readonly deliveryLag = new Histogram({
    name: 'relay_delivery_lag_seconds',
    help: 'Time from ingress to client acknowledgement.',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly ingressDuration = new Histogram({
    name: 'relay_ingress_duration_seconds',
    help: 'Time to answer an accepted webhook (stored or duplicate).',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private stored = 0;

  constructor() {
    const read = (): GaugeReadings => this.readings();
    const storage = (): { transactions: number; events: number; seconds: number } =>
      read().storage ?? { transactions: 0, events: 0, seconds: 0 };
    // Read-through counters: the storage keeps the figures, the scrape copies them.
    this.scraped(
      'relay_storage_transactions_total',
      'Group-commit transactions written.',
      'counter',
      () => storage().transactions,
    );
    this.scraped(
      'relay_storage_transaction_events_total',
      'Webhooks written by those transactions.',
      'counter',
      () => storage().events,
    );
    this.scraped(
      'relay_storage_transaction_seconds_total',
      'Time spent in those transactions.',
      'counter',
      () => storage().seconds,
    );
    this.scraped(
      'relay_connected_stores',
      'Stores with a live stream connection.',
      'gauge',
      () => read().connectedStores,
    );
    this.scraped(
      'relay_unacked_events',
      'Stored events not yet acknowledged by connected stores.',
      'gauge',
      () => read().unackedEvents,
    );
    this.scraped(
      'relay_ingress_queue_depth',
      'Webhooks waiting for the next group commit.',
      'gauge',
      () => read().ingressQueue,
    );
    this.scraped(
      'relay_open_connections',
      'TCP connections open to the relay, streams included.',
      'gauge',
      () => read().openConnections,
    );
    // Process figures (RSS, heap, GC) and the event-loop delay (relay_nodejs_eventloop_lag_p99_seconds…): a
    // stalled loop delays every stream and every answer, so it is the first thing to look at when the tail grows.
    this.process = registerProcessMetrics(this.registry, 'relay_');
  }

  /** Stops the event-loop and GC monitors (relay close); see [Note: monitors stop with the relay]. */
  stop(): void {
    this.process.stop();
  }

  /** Event-loop samples taken so far: they stop growing once stopped. */
  loopSamples(): number {
    return this.process.loopSamples();
  }

  /** Where the scrape-time gauges come from (set once the relay's parts exist). */
  readFrom(readings: () => GaugeReadings): void {
    this.readings = readings;
  }

  /** Webhooks stored as new events since start (for the shutdown log line). */
  get eventsIn(): number {
    return this.stored;
  }

  /** One webhook stored as a new event. */
  storedEvent(): void {
    this.stored++;
    this.eventsInCounter.inc();
  }

  duplicate(): void {
    this.duplicates.inc();
  }

  probe(): void {
    this.probes.inc();
  }

  /** Counts one refused ingress request by reason code. */
  reject(reason: string): void {
    this.rejected.inc({ reason });
  }

  /** One event frame sent to a client. */
  deliveredEvent(replay: boolean): void {
    this.delivered.inc();
    if (replay) this.replayed.inc();
  }

  ackedEvents(n: number): void {
    this.acked.inc(n);
  }

  streamOpened(): void {
    this.streamsOpened.inc();
  }

  /** Counts one refused stream connection or protocol violation. */
  rejectStream(reason: string): void {
    this.streamRejected.inc({ reason });
  }

  /** Counts one stream close by code. */
  closed(code: number): void {
    this.streamClosed.inc({ code: String(code) });
  }

  storageError(operation: StorageOperation): void {
    this.storageErrors.inc({ operation });
  }

  /** The Prometheus exposition text (what GET /metrics returns). */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** The exposition format's content type. */
  get contentType(): string {
    return this.registry.contentType;
  }

  private counter<L extends string = never>(name: string, help: string, labelNames?: L[]): Counter<L> {
    return new Counter<L>({ name, help, labelNames: labelNames ?? [], registers: [this.registry] });
  }

  private scraped(name: string, help: string, type: 'counter' | 'gauge', value: () => number): void {
    // collect() runs at scrape time; a counter copied from elsewhere is reset and set to the current total.
    if (type === 'gauge')
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(value());
        },
      });
    else
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.reset();
          this.inc(value());
        },
      });
  }
}
