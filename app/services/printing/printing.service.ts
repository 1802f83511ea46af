/**
 * Receipts on the registers' printers (issue 15): after each sale when its register prints
 * automatically, on demand (Imprimir / Reimprimir), and the settings' test page. The completion path
 * never waits for a printer: see [Note: printing never blocks a sale]. A sale's ticket and its drawer
 * pulse go to the printer of the register that rang it up (issue 17, [Note: a printer per register]).
 */
import type { PrinterSettings, PrintJobView } from '../../domain/printer';
import { columnsOf } from '../../domain/printer';
import { testPageDocument } from '../../domain/printer-test-page';
import { fail, ok, type Result } from '../../domain/result';
import type { ActorId } from '../../ports/payments.port';
import type { EventBus } from '../../ports/event-bus.port';
import type { Timers } from '../../ports/timers.port';
import type { PaymentView } from '../../domain/payment-view';
import type { Receipt } from '../../domain/receipt';
import type { PrintOutcome, ReceiptPrinter } from '../../ports/receipt-printer.port';
import type { ReceiptsService } from '../receipts.service';
import type { DrawerService } from './drawer.service';
import type { PrintQueue } from './print-queue';
import { printedReceipt } from './receipt-document';

const CARD_FACTS_GRACE_MS = 3_000;

/** The printer the settings name right now, or why there is none; and whether a drawer hangs off it. */
export type PrinterChoice = { settings: PrinterSettings; drawer: boolean } & (
  { printer: ReceiptPrinter } | { failure: PrintOutcome & { ok: false } }
);

/** Printing of receipts and test pages. */
export class PrintingService {
  constructor(
    private readonly deps: {
      receipts: ReceiptsService;
      queue: PrintQueue;
      /** The printer `registerId`'s settings name right now. */
      printer: (registerId: number) => PrinterChoice;
      /** The register that rang up a sale (`sales.register_id`). */
      registerOf: (saleId: number) => number;
      drawer: DrawerService;
      /** Who took the tender that completed a sale (the receipt's cashier): the drawer's audit actor. */
      actorOf: (saleId: number) => ActorId;
      storeName: () => string;
      /** Now, as the store reads it (its zone), for the test page. */
      localNow: () => string;
      events: EventBus;
      timers: Timers;
      /** How long an automatic ticket waits for a card's brand, last four and authorization. */
      cardFactsGraceMs?: number;
    },
  ) {}

  /**
   * A sale completed (the `sales.completed` event, after its transaction): print its ticket when the
   * store prints automatically and pulse the drawer when cash was taken. Returns at once.
   */
  onSaleCompleted(saleId: number): void {
    const receipt = this.deps.receipts.receipt(saleId);
    if (!receipt.ok) return;
    const registerId = this.deps.registerOf(saleId);
    const choice = this.deps.printer(registerId);
    const cash = receipt.value.payments.some((p) => p.method === 'cash');
    const actor = this.deps.actorOf(saleId);
    const autoPrint = choice.settings.autoPrint && choice.settings.kind !== 'none';
    if (autoPrint) {
      // One job: the ticket and, for cash, the pulse before its one cut.
      const openDrawer = cash && this.deps.drawer.enabled(registerId);
      if (openDrawer) this.deps.drawer.record({ kind: 'cash_sale', saleId }, actor, registerId);
      this.whenCardFactsIn(receipt.value, () => {
        void this.enqueueReceipt(saleId, openDrawer, registerId).then((job) =>
          openDrawer ? this.deps.drawer.recordFailure(job, actor) : job,
        );
      });
    } else if (cash) {
      void this.deps.drawer.kick({ kind: 'cash_sale', saleId }, actor, registerId);
    }
  }

  /**
   * A sale confirmed by get-status may complete a moment before Kushki's webhook brings the card's
   * brand, last four and authorization (get-status has none: cloud-terminal-api.md §2.3). The
   * automatic ticket waits for them a little (never the sale: it is complete already); if they do not
   * come, the ticket says plainly that the terminal's voucher has them, and a reprint later shows them.
   */
  private whenCardFactsIn(receipt: Receipt, run: () => void): void {
    const missing = receipt.payments.some(
      (p) => p.method === 'card' && !p.cardBrand && !p.cardLast4 && !p.authorizationCode,
    );
    if (!missing) return run();
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      stop();
      cancel();
      run();
    };
    const stop = this.deps.events.subscribe(({ event, payload }) => {
      const view = payload as PaymentView;
      if (
        event === 'payments.updated' &&
        view.saleId === receipt.saleId &&
        (view.cardLast4 || view.authorizationCode)
      ) {
        go();
      }
    });
    const cancel = this.deps.timers.after(this.deps.cardFactsGraceMs ?? CARD_FACTS_GRACE_MS, go);
  }

  /**
   * Prints sale `saleId`'s ticket now (Imprimir, Reimprimir) and answers how it went: on register
   * `at`'s printer (where the person asking stands), or the sale's own register's when not given.
   * `unavailable` when that register has no printer set up: the screen then uses the print dialog.
   */
  async print(saleId: number, at?: number): Promise<Result<PrintJobView>> {
    const receipt = this.deps.receipts.receipt(saleId);
    if (!receipt.ok) return receipt;
    const registerId = at ?? this.deps.registerOf(saleId);
    if (this.deps.printer(registerId).settings.kind === 'none') {
      return fail('unavailable', 'No receipt printer is set up: use the print dialog.');
    }
    return ok(await this.enqueueReceipt(saleId, false, registerId));
  }

  /** The settings screen's test page, on `registerId`'s printer as saved. */
  async testPage(registerId: number): Promise<Result<PrintJobView>> {
    const { settings } = this.deps.printer(registerId);
    if (settings.kind === 'none') return fail('unavailable', 'Choose a printer and save it first.');
    const document = testPageDocument({
      columns: columnsOf(settings.paperWidth),
      storeName: this.deps.storeName(),
      when: this.deps.localNow(),
    });
    return ok(
      await this.deps.queue.enqueue({
        kind: 'test',
        saleId: null,
        registerId,
        resolve: () => {
          const choice = this.deps.printer(registerId);
          if (!('printer' in choice)) return { failure: choice.failure };
          return { printer: choice.printer, request: { document, openDrawer: false } };
        },
      }),
    );
  }

  /**
   * Queues the ticket of `saleId` on `registerId`'s printer; the receipt is read and laid out when its
   * turn comes, at that printer's paper width.
   */
  private enqueueReceipt(saleId: number, openDrawer: boolean, registerId: number): Promise<PrintJobView> {
    return this.deps.queue.enqueue({
      kind: 'receipt',
      saleId,
      registerId,
      resolve: () => {
        const choice = this.deps.printer(registerId);
        if (!('printer' in choice)) return { failure: choice.failure };
        const receipt = this.deps.receipts.receipt(saleId);
        if (!receipt.ok) return { failure: { ok: false, failure: 'failed', detail: receipt.error.message } };
        const laidOut = { ...receipt.value, paperWidth: choice.settings.paperWidth };
        return { printer: choice.printer, request: { document: printedReceipt(laidOut), openDrawer } };
      },
    });
  }
}
