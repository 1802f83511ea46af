import type { OsPrint, PrintOutcome, PrintRequest, ReceiptPrinter } from '../../ports/receipt-printer.port';

/**
 * An OS-installed printer, printed to by name through the desktop shell (Electron's silent print).
 * The OS driver takes a page, not ESC/POS, so Caja cannot pulse the drawer through it: stores with a
 * USB printer set the driver's own "open cash drawer" option, or use a network printer for the kick.
 */
export class OsPrinter implements ReceiptPrinter {
  readonly canKickDrawer = false;

  constructor(
    private readonly osPrint: OsPrint,
    private readonly deviceName: string,
  ) {}

  async print(request: PrintRequest): Promise<PrintOutcome> {
    if (!request.document)
      return { ok: false, failure: 'unsupported', detail: 'an OS printer cannot kick a drawer' };
    return this.osPrint({ deviceName: this.deviceName, document: request.document });
  }
}
