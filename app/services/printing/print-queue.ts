/**
 * [Note: printing never blocks a sale]
 * Print jobs run one at a time, in the background, in the order they were asked for. The sale's
 * completion only *enqueues* (from the `sales.completed` event, after the completion's transaction
 * committed), so a printer that is off, unreachable or slow can delay nothing but the next ticket,
 * and every job ends, printed or failed, within the adapter's deadlines. Each end is announced as
 * `printer.job.finished`; the counter shows a failure and the ticket can be printed again later
 * from Tickets (the receipt is read again from stored data, so nothing is lost).
 *
 * Each register's printer has its own line (issue 17): a printer that is off at one counter delays
 * only that counter's next ticket, never another register's.
 */
import type { PrintJobKind, PrintJobView } from '../../domain/printer';
import type { Clock } from '../../ports/clock.port';
import type { EventBus } from '../../ports/event-bus.port';
import type { Logger } from '../../ports/logger.port';
import type { PrintOutcome, PrintRequest, ReceiptPrinter } from '../../ports/receipt-printer.port';

/** A job as asked for: what it is, and how to build it when its turn comes. */
export interface PrintJobSpec {
  kind: PrintJobKind;
  saleId: number | null;
  /** The register whose printer prints it: jobs of one register run in order, registers side by side. */
  registerId: number;
  /** The printer (by the settings at the job's turn) and what to send, or why there is none. */
  resolve: () =>
    { printer: ReceiptPrinter; request: PrintRequest } | { failure: PrintOutcome & { ok: false } };
}

/** The print jobs of every register's printer. See [Note: printing never blocks a sale]. */
export class PrintQueue {
  /** The last job of each register's line; a line with nothing pending is dropped. */
  private readonly tails = new Map<number, Promise<unknown>>();
  private nextId = 1;
  private pending = 0;

  constructor(private readonly deps: { events: EventBus; clock: Clock; logger: Logger }) {}

  /** Queues a job; the promise settles when it has printed or failed (never rejects). */
  enqueue(spec: PrintJobSpec): Promise<PrintJobView> {
    const id = this.nextId++;
    this.pending += 1;
    const run = (this.tails.get(spec.registerId) ?? Promise.resolve()).then(() => this.run(id, spec));
    this.tails.set(spec.registerId, run);
    void run.then(() => {
      if (this.tails.get(spec.registerId) === run) this.tails.delete(spec.registerId);
    });
    return run;
  }

  /** Jobs asked for and not finished yet. */
  get inFlight(): number {
    return this.pending;
  }

  private async run(id: number, spec: PrintJobSpec): Promise<PrintJobView> {
    let outcome: PrintOutcome;
    try {
      const resolved = spec.resolve();
      outcome = 'failure' in resolved ? resolved.failure : await resolved.printer.print(resolved.request);
    } catch (error) {
      // A bug in a layout or an adapter fails this job only; the queue goes on.
      this.deps.logger.error('print job threw', { id, kind: spec.kind, error });
      outcome = { ok: false, failure: 'failed', detail: 'internal' };
    }
    this.pending -= 1;
    const view: PrintJobView = {
      id,
      kind: spec.kind,
      saleId: spec.saleId,
      registerId: spec.registerId,
      status: outcome.ok ? 'printed' : 'failed',
      failure: outcome.ok ? null : outcome.failure,
      at: this.deps.clock.now(),
    };
    if (!outcome.ok)
      this.deps.logger.warn('print job failed', {
        id,
        kind: spec.kind,
        registerId: spec.registerId,
        detail: outcome.detail,
      });
    this.deps.events.emit('printer.job.finished', view);
    return view;
  }
}
