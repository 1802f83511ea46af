import type { PrintFailure } from '../domain/printer';
import type { ReceiptDocument } from '../domain/receipt-layout';

/** One thing to print: a laid-out ticket (cut once at its end), a drawer pulse, or both. */
export interface PrintRequest {
  document: ReceiptDocument | null;
  openDrawer: boolean;
}

/** How a print went; a failure never throws, so a printer can never break whoever asked. */
export type PrintOutcome = { ok: true } | { ok: false; failure: PrintFailure; detail: string };

/**
 * A receipt printer the trusted side talks to: a network printer on raw TCP
 * (infra/printer/network-printer.ts) or, on the desktop, an OS printer through Electron's silent
 * print (electron/main/os-printer.ts). Never the renderer.
 */
export interface ReceiptPrinter {
  /** Whether this printer can pulse the drawer port (an OS driver cannot be asked to). */
  readonly canKickDrawer: boolean;
  print(request: PrintRequest): Promise<PrintOutcome>;
}

/**
 * The desktop shell's OS printing (Electron's silent `webContents.print` to a printer by name, through
 * the printer's own driver: how USB and serial printers are used). Absent in the web shell.
 */
export type OsPrint = (job: { deviceName: string; document: ReceiptDocument }) => Promise<PrintOutcome>;
