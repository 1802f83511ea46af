/**
 * Receipts on the store's printer (issue 15): after each sale when the store prints automatically,
 * on demand (Imprimir / Reimprimir), and the settings' test page. The completion path never waits
 * for a printer: see [Note: printing never blocks a sale].
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
      printer: () => PrinterChoice;
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
    const choice = this.deps.printer();
    const cash = receipt.value.payments.some((p) => p.method === 'cash');
    const actor = this.deps.actorOf(saleId);
    const autoPrint = choice.settings.autoPrint && choice.settings.kind !== 'none';
    if (autoPrint) {
      // One job: the ticket and, for cash, the pulse before its one cut.
      const openDrawer = cash && this.deps.drawer.enabled();
      if (openDrawer) this.deps.drawer.record({ kind: 'cash_sale', saleId }, actor);
      this.whenCardFactsIn(receipt.value, () => {
        void this.enqueueReceipt(saleId, openDrawer).then((job) =>
          openDrawer ? this.deps.drawer.recordFailure(job, actor) : job,
        );
      });
    } else if (cash) {
      void this.deps.drawer.kick({ kind: 'cash_sale', saleId }, actor);
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
   * Prints sale `saleId`'s ticket now (Imprimir, Reimprimir) and answers how it went. `unavailable`
   * when the store has no printer set up: the screen then uses the print dialog.
   */
  async print(saleId: number): Promise<Result<PrintJobView>> {
    const receipt = this.deps.receipts.receipt(saleId);
    if (!receipt.ok) return receipt;
    if (this.deps.printer().settings.kind === 'none') {
      return fail('unavailable', 'No receipt printer is set up: use the print dialog.');
    }
    return ok(await this.enqueueReceipt(saleId, false));
  }

  /** The settings screen's test page, on the printer as saved. */
  async testPage(): Promise<Result<PrintJobView>> {
    const { settings } = this.deps.printer();
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
        resolve: () => {
          const choice = this.deps.printer();
          if (!('printer' in choice)) return { failure: choice.failure };
          return { printer: choice.printer, request: { document, openDrawer: false } };
        },
      }),
    );
  }

  /** Queues the ticket of `saleId`; the receipt is read and laid out when its turn comes. */
  private enqueueReceipt(saleId: number, openDrawer: boolean): Promise<PrintJobView> {
    return this.deps.queue.enqueue({
      kind: 'receipt',
      saleId,
      resolve: () => {
        const choice = this.deps.printer();
        if (!('printer' in choice)) return { failure: choice.failure };
        const receipt = this.deps.receipts.receipt(saleId);
        if (!receipt.ok) return { failure: { ok: false, failure: 'failed', detail: receipt.error.message } };
        return { printer: choice.printer, request: { document: printedReceipt(receipt.value), openDrawer } };
      },
    });
  }
}
