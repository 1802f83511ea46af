/**
 * Receipt printers and the cash drawer (issue 15): what the store chose in Oficina → Configuración
 * and what became of each print job. Shared by the services, the API and the renderer.
 */

/** Thermal paper widths sold in Mexico; the layout follows font A's columns on each. */
export type PaperWidth = 58 | 80;

/** Characters per line at font A: 32 on 58 mm paper, 48 on 80 mm. */
export const PAPER_COLUMNS: Readonly<Record<PaperWidth, number>> = { 58: 32, 80: 48 };

/** Columns of a paper width. */
export function columnsOf(width: PaperWidth): number {
  return PAPER_COLUMNS[width];
}

/**
 * Where receipts go: nowhere but the screen's print dialog (`none`, the default, and all the web
 * shell can do), a network printer on raw TCP (port 9100), or an OS printer by name (desktop only,
 * Electron's silent print through the printer's own driver: USB and serial models go this way).
 */
export type PrinterKind = 'none' | 'network' | 'os';

/** The store's printer settings. */
export interface PrinterSettings {
  kind: PrinterKind;
  /** Network printer: IPv4 address or host name on the store's LAN. */
  host: string;
  /** Network printer: TCP port (9100 for nearly every Ethernet/Wi-Fi model). */
  port: number;
  /** OS printer: the name the operating system gives it. */
  osName: string;
  paperWidth: PaperWidth;
  /** Print the ticket by itself after each sale; otherwise on demand (the Imprimir button). */
  autoPrint: boolean;
  /** Kick the cash drawer (wired to the printer's drawer port) on cash movements. */
  drawer: boolean;
}

/** What a fresh store has: no printer, 80 mm, on demand, drawer kick on. */
export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = {
  kind: 'none',
  host: '',
  port: 9100,
  osName: '',
  paperWidth: 80,
  autoPrint: false,
  drawer: true,
};

/** What a print job was for. */
export type PrintJobKind = 'receipt' | 'test' | 'drawer';

/** Why a job did not print, in words the renderer turns into a sentence. */
export type PrintFailure =
  'not_configured' | 'unsupported' | 'unreachable' | 'refused' | 'timeout' | 'failed';

/** A finished print job, announced to every window (`printer.job.finished`). */
export interface PrintJobView {
  id: number;
  kind: PrintJobKind;
  /** The sale whose ticket it was (receipt jobs and drawer kicks of a sale), else null. */
  saleId: number | null;
  /** The register whose printer it went to (issue 17): each counter shows its own printer's jobs. */
  registerId: number;
  status: 'printed' | 'failed';
  failure: PrintFailure | null;
  at: number;
}

/** Why the drawer opened; every opening is audited with it (issue 15, item 3). */
export type DrawerReason =
  | { kind: 'cash_sale'; saleId: number }
  | { kind: 'cash_return'; saleId: number; refundId?: number | undefined }
  | { kind: 'cash_movement'; movement: 'in' | 'out' }
  | { kind: 'manual'; note: string };

/** The widest logo a 58 mm head prints (384 dots at 203 dpi); 80 mm centres it. */
export const MAX_LOGO_WIDTH = 384;
/** Tall enough for a logo, short enough not to waste paper. */
export const MAX_LOGO_HEIGHT = 240;

/**
 * The store's logo for the ticket's top, as the settings screen converts it: black and white, one bit
 * per dot (1 = black), rows packed most significant bit first, base64. Width and height are
 * multiples of 8 (what ESC/POS raster images need).
 */
export interface PrinterLogo {
  width: number;
  height: number;
  bits: string;
}

/** True when `logo` has the shape above and its bits match its size. */
export function isPrinterLogo(logo: PrinterLogo): boolean {
  const { width, height } = logo;
  const sized =
    Number.isInteger(width) &&
    Number.isInteger(height) &&
    width > 0 &&
    height > 0 &&
    width % 8 === 0 &&
    height % 8 === 0 &&
    width <= MAX_LOGO_WIDTH &&
    height <= MAX_LOGO_HEIGHT;
  return sized && Math.ceil(((width / 8) * height) / 3) * 4 === logo.bits.length;
}
