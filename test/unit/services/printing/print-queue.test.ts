/** The print queue: one job at a time, in order, each announced; a broken job fails alone. See [Note: printing never blocks a sale]. */
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../app/ports/event-bus.port';
import type { PrintOutcome, ReceiptPrinter } from '../../../../app/ports/receipt-printer.port';
import { PrintQueue } from '../../../../app/services/printing/print-queue';

function queue() {
  const events: AppEvent[] = [];
  const q = new PrintQueue({
    events: {
      emit: (event, payload) => void events.push({ event, payload } as AppEvent),
      subscribe: () => () => undefined,
    },
    clock: { now: () => 1_000 },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return { q, events };
}

/** A printer whose jobs finish when the test says so. */
function manualPrinter() {
  const pending: ((outcome: PrintOutcome) => void)[] = [];
  let wake = () => undefined as void;
  const printer: ReceiptPrinter = {
    canKickDrawer: true,
    print: () =>
      new Promise((resolve) => {
        pending.push(resolve);
        wake();
      }),
  };
  /** Resolves once `count` jobs have reached the printer. */
  const started = (count: number) =>
    new Promise<void>((resolve) => {
      wake = () => (pending.length >= count ? resolve() : undefined);
      wake();
    });
  return { printer, pending, started };
}

const request = { document: null, openDrawer: true };

describe('PrintQueue', () => {
  it('runs jobs one at a time, in order, and announces each end', async () => {
    const { q, events } = queue();
    const { printer, pending, started } = manualPrinter();
    const first = q.enqueue({
      kind: 'drawer',
      saleId: 1,
      registerId: 0,
      resolve: () => ({ printer, request }),
    });
    const second = q.enqueue({
      kind: 'drawer',
      saleId: 2,
      registerId: 0,
      resolve: () => ({ printer, request }),
    });
    expect(q.inFlight).toBe(2);
    await started(1);
    expect(pending).toHaveLength(1);
    pending[0]!({ ok: false, failure: 'timeout', detail: 'slow' });
    expect(await first).toMatchObject({ id: 1, saleId: 1, status: 'failed', failure: 'timeout' });
    await started(2);
    pending[1]!({ ok: true });
    expect(await second).toMatchObject({ id: 2, status: 'printed', failure: null });
    expect(events.map((e) => e.event)).toEqual(['printer.job.finished', 'printer.job.finished']);
    expect(q.inFlight).toBe(0);
  });

  it('a job that throws fails alone; the next one still prints', async () => {
    const { q } = queue();
    const broken = q.enqueue({
      kind: 'receipt',
      saleId: 7,
      registerId: 0,
      resolve: () => {
        throw new Error('layout bug');
      },
    });
    const fine = q.enqueue({
      kind: 'receipt',
      saleId: 8,
      registerId: 0,
      resolve: () => ({ printer: { canKickDrawer: true, print: async () => ({ ok: true }) }, request }),
    });
    expect(await broken).toMatchObject({ status: 'failed', failure: 'failed' });
    expect(await fine).toMatchObject({ status: 'printed' });
  });

  it("each register's printer has its own line: one stuck at register 2 does not hold register 0", async () => {
    const { q, events } = queue();
    const stuck = manualPrinter();
    const first = q.enqueue({
      kind: 'receipt',
      saleId: 20,
      registerId: 2,
      resolve: () => ({ printer: stuck.printer, request }),
    });
    const behind = q.enqueue({
      kind: 'receipt',
      saleId: 21,
      registerId: 2,
      resolve: () => ({ printer: { canKickDrawer: true, print: async () => ({ ok: true }) }, request }),
    });
    await stuck.started(1);
    const other = await q.enqueue({
      kind: 'receipt',
      saleId: 10,
      registerId: 0,
      resolve: () => ({ printer: { canKickDrawer: true, print: async () => ({ ok: true }) }, request }),
    });
    // Register 0's ticket printed while register 2's first job is still at its printer.
    expect(other).toMatchObject({ saleId: 10, registerId: 0, status: 'printed' });
    expect(q.inFlight).toBe(2);
    stuck.pending[0]!({ ok: true });
    expect(await first).toMatchObject({ saleId: 20, registerId: 2, status: 'printed' });
    expect(await behind).toMatchObject({ saleId: 21, registerId: 2, status: 'printed' });
    // Ids stay unique across registers (the counter tells jobs apart by them).
    expect(events.map((e) => (e.payload as { id: number }).id)).toEqual([3, 1, 2]);
  });

  it('no printer: the job fails with the reason, without any I/O', async () => {
    const { q } = queue();
    const job = await q.enqueue({
      kind: 'receipt',
      saleId: 3,
      registerId: 0,
      resolve: () => ({ failure: { ok: false, failure: 'not_configured', detail: 'none' } }),
    });
    expect(job).toMatchObject({ status: 'failed', failure: 'not_configured' });
  });
});
