import { receiptTicket } from '../domain/receipt-ticket';
import { fail, ok, type Result } from '../domain/result';
import type { AuditLog } from '../ports/audit.port';
import type { Clock } from '../ports/clock.port';
import type { TicketPrinter } from '../ports/payment-gateway.port';
import type { ActorId } from '../ports/payments.port';
import type { ReceiptsService } from './receipts.service';
import type { TerminalsService } from './terminals.service';
import type { StoreTimeZone } from '../domain/store-time-zone';

// Receipts show the store's local time (the receipt carries the store's zone), whatever the PC's.
const storeTime = (zone: StoreTimeZone) =>
  new Intl.DateTimeFormat('es-MX', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' });

/** Prints stored receipts on a Kushki terminal. A printer failure is reported, never blocks or changes a sale. */
export class TerminalPrintService {
  constructor(
    private readonly deps: {
      receipts: ReceiptsService;
      terminals: Pick<TerminalsService, 'resolve'>;
      printer: () => TicketPrinter | undefined;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  /** Sends sale `saleId`'s receipt to the terminal (the default one unless named). */
  async print(
    saleId: number,
    serial: string | undefined,
    actor: ActorId,
  ): Promise<Result<{ printed: true; terminalSerial: string }>> {
    const receipt = this.deps.receipts.receipt(saleId);
    if (!receipt.ok) return receipt;
    const terminal = this.deps.terminals.resolve(serial);
    if (!terminal) return fail('not_found', 'No such terminal.');
    const printer = this.deps.printer();
    if (!printer) return fail('unavailable', 'No Kushki environment is configured for printing.');
    const outcome = await printer.printTicket(
      terminal.serial,
      receiptTicket(receipt.value, (ms) => storeTime(receipt.value.timeZone).format(ms)),
    );
    this.deps.audit.append(
      {
        action: 'receipt.printed_on_terminal',
        actorUserId: actor,
        subject: `sale:${saleId}`,
        details: { terminal: terminal.serial, outcome: outcome.kind },
      },
      this.deps.clock.now(),
    );
    if (outcome.kind === 'printed') return ok({ printed: true, terminalSerial: terminal.serial });
    const why = outcome.kind === 'rejected' ? `Kushki ${outcome.responseCode}` : outcome.reason;
    return fail('unavailable', `The terminal did not print the ticket (${why}).`);
  }
}
