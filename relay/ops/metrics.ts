// Prometheus text exposition (format 0.0.4) for the relay, without a client library: a handful of counters,
// gauges and two histograms is all it needs.
/** Histogram bucket upper bounds, in seconds. */
const LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60, 600, 3600,
];

class Histogram {
  readonly counts = new Array<number>(LATENCY_BUCKETS.length).fill(0);
  sum = 0;
  count = 0;
  observe(seconds: number): void {
    this.sum += seconds;
    this.count++;
    const i = LATENCY_BUCKETS.findIndex((b) => seconds <= b);
    if (i >= 0) this.counts[i] = (this.counts[i] ?? 0) + 1;
  }
  render(name: string, help: string): string {
    let acc = 0;
    const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
    LATENCY_BUCKETS.forEach((b, i) => {
      acc += this.counts[i] ?? 0;
      lines.push(`${name}_bucket{le="${b}"} ${acc}`);
    });
    lines.push(
      `${name}_bucket{le="+Inf"} ${this.count}`,
      `${name}_sum ${this.sum}`,
      `${name}_count ${this.count}`,
    );
    return lines.join('\n');
  }
}

/** The relay's metrics. Counters only grow; gauges are read at scrape time. */
export class RelayMetrics {
  eventsIn = 0;
  duplicates = 0;
  probes = 0;
  delivered = 0;
  replayed = 0;
  acked = 0;
  readonly rejected = new Map<string, number>();
  readonly streamRejected = new Map<string, number>();
  readonly streamClosed = new Map<number, number>();
  readonly deliveryLag = new Histogram();
  readonly ingressDuration = new Histogram();

  /** Counts one refused ingress request by reason code. */
  reject(reason: string): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
  }

  /** Counts one refused stream connection or protocol violation. */
  rejectStream(reason: string): void {
    this.streamRejected.set(reason, (this.streamRejected.get(reason) ?? 0) + 1);
  }

  /** Counts one stream close by code. */
  closed(code: number): void {
    this.streamClosed.set(code, (this.streamClosed.get(code) ?? 0) + 1);
  }

  /** Renders the exposition text; gauges come from the caller. */
  render(gauges: {
    connectedStores: number;
    unackedEvents: number;
    ingressQueue: number;
    /** TCP connections open to the relay's HTTP server, streams included (each holds a file descriptor). */
    openConnections?: number;
    storage?: { transactions: number; events: number; seconds: number } | undefined;
  }): string {
    const st = gauges.storage ?? { transactions: 0, events: 0, seconds: 0 };
    const counter = (name: string, help: string, v: number): string =>
      `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${v}`;
    const gauge = (name: string, help: string, v: number): string =>
      `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${v}`;
    const labelled = (name: string, help: string, label: string, m: Map<string | number, number>): string =>
      [`# HELP ${name} ${help}`, `# TYPE ${name} counter`]
        .concat([...m].map(([k, v]) => `${name}{${label}="${k}"} ${v}`))
        .join('\n');
    const mem = process.memoryUsage();
    return (
      [
        counter('relay_events_in_total', 'Webhooks stored as new events.', this.eventsIn),
        counter(
          'relay_events_duplicate_total',
          'Kushki redeliveries recognised and not stored again.',
          this.duplicates,
        ),
        counter('relay_ingress_probes_total', 'Empty-body connectivity probes answered 200.', this.probes),
        labelled(
          'relay_ingress_rejected_total',
          'Ingress requests refused, by reason.',
          'reason',
          this.rejected,
        ),
        counter(
          'relay_events_delivered_total',
          'Events sent to stream clients (live and replay).',
          this.delivered,
        ),
        counter(
          'relay_events_replayed_total',
          'Events sent as replay of what a client missed.',
          this.replayed,
        ),
        counter('relay_events_acked_total', 'Events acknowledged by stream clients.', this.acked),
        labelled(
          'relay_stream_rejected_total',
          'Stream connections or frames refused.',
          'reason',
          this.streamRejected,
        ),
        labelled(
          'relay_stream_closed_total',
          'Stream connections closed by the relay, by code.',
          'code',
          this.streamClosed,
        ),
        counter('relay_storage_transactions_total', 'Group-commit transactions written.', st.transactions),
        counter(
          'relay_storage_transaction_events_total',
          'Webhooks written by those transactions.',
          st.events,
        ),
        counter('relay_storage_transaction_seconds_total', 'Time spent in those transactions.', st.seconds),
        gauge('relay_connected_stores', 'Stores with a live stream connection.', gauges.connectedStores),
        gauge(
          'relay_unacked_events',
          'Stored events not yet acknowledged by connected stores.',
          gauges.unackedEvents,
        ),
        gauge(
          'relay_ingress_queue_depth',
          'Webhooks waiting for the next group commit.',
          gauges.ingressQueue,
        ),
        gauge(
          'relay_open_connections',
          'TCP connections open to the relay, streams included.',
          gauges.openConnections ?? 0,
        ),
        this.deliveryLag.render('relay_delivery_lag_seconds', 'Time from ingress to client acknowledgement.'),
        this.ingressDuration.render('relay_ingress_duration_seconds', 'Time to answer an accepted webhook.'),
        gauge('relay_process_resident_memory_bytes', 'Resident set size.', mem.rss),
        gauge('relay_process_heap_used_bytes', 'V8 heap in use.', mem.heapUsed),
      ].join('\n') + '\n'
    );
  }
}
