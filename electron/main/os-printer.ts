/**
 * Silent printing to an OS-installed printer by name (issue 15): how a store uses a USB or serial
 * receipt printer, through the printer's own driver. The ticket is the shared layout rendered as a
 * page (receipt-html.ts) in a hidden, sandboxed window with JavaScript off, printed with
 * `webContents.print({ silent: true, deviceName })`. Every job ends within a deadline, and the
 * window is always closed. The driver takes pages, not ESC/POS: no drawer pulse from here (set the
 * driver's own "open cash drawer" option, as Epson's and most local brands' drivers have).
 */
import { BrowserWindow } from 'electron';
import type { OsPrint, PrintOutcome } from '../../app/ports/receipt-printer.port';
import { receiptHtml } from './receipt-html';

const PRINT_DEADLINE_MS = 20_000;

/** The desktop's OsPrint for createCore. */
export const printOnOsPrinter: OsPrint = async ({ deviceName, document }) => {
  const printers = await listOsPrinters();
  if (!printers.includes(deviceName)) {
    return { ok: false, failure: 'unreachable', detail: `no OS printer named ${deviceName}` };
  }
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      javascript: false,
      nodeIntegration: false,
      // Its own in-memory session: the app's CSP header (style-src 'self') would refuse the page's
      // inline style, and this page needs nothing else (it has its own CSP: default-src 'none').
      partition: 'caja-receipt-print',
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(receiptHtml(document))}`);
    return await new Promise<PrintOutcome>((resolve) => {
      const timer = setTimeout(
        () => resolve({ ok: false, failure: 'timeout', detail: `${deviceName} did not take the job` }),
        PRINT_DEADLINE_MS,
      );
      window.webContents.print(
        { silent: true, deviceName, printBackground: false, margins: { marginType: 'none' } },
        (success, reason) => {
          clearTimeout(timer);
          resolve(success ? { ok: true } : { ok: false, failure: 'failed', detail: reason });
        },
      );
    });
  } finally {
    window.destroy();
  }
};

/** The names of the printers the OS has (for the check above; a settings list can use it later). */
async function listOsPrinters(): Promise<string[]> {
  const probe = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, javascript: false, partition: 'caja-receipt-print' },
  });
  try {
    return (await probe.webContents.getPrintersAsync()).map((p) => p.name);
  } finally {
    probe.destroy();
  }
}
