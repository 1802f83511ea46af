/**
 * The manager's office, printer and cash drawer (issue 15): the printer settings (where receipts go,
 * paper width, print after each sale or on demand, drawer on the printer), a test page, and "Abrir
 * cajón" without a sale, which needs a reason and is audited with who and why. Every `office.*`
 * channel is `manager` (see [Note: the office needs a manager]).
 *
 * Each register has its own printer and drawer (issue 17, [Note: a printer per register]): every
 * channel acts on the calling register's by default; `registerId` picks another register's, which
 * only the store server's own office (register 0) may do.
 */
import type { PrinterLogo, PrinterSettings, PrintJobView } from '../../domain/printer';

/** Which register's printer a call is about; absent: the calling register's. */
export interface PrinterTarget {
  registerId?: number;
}

/** A register's printer settings, and whether it can print to an OS printer (the server's desktop only). */
export interface PrinterSettingsView extends PrinterSettings {
  /** Whose printer these are. */
  registerId: number;
  /** The register asking: the store server's own counter (0) may edit every register's printer. */
  callerRegisterId: number;
  osPrintAvailable: boolean;
  /** Whether a logo prints at the ticket's top (the image itself stays on the trusted side). */
  hasLogo: boolean;
}

/** A register's printer settings as the printing reads them (the handler adds who is asking). */
export type RegisterPrinterView = Omit<PrinterSettingsView, 'callerRegisterId'>;

export interface PrinterContract {
  'office.printer.get': { policy: 'manager'; args: PrinterTarget; result: PrinterSettingsView };
  /** Saves a register's printer; a register other than 0 may only use `network` or `none`. */
  'office.printer.save': {
    policy: 'manager';
    args: PrinterSettings & PrinterTarget;
    result: PrinterSettingsView;
  };
  /**
   * Sets the ticket's logo (already black and white, see PrinterLogo), or removes it with null. The
   * logo is the store's, printed by every register; `registerId` picks whose settings the answer shows.
   */
  'office.printer.logo.save': {
    policy: 'manager';
    args: { logo: PrinterLogo | null } & PrinterTarget;
    result: PrinterSettingsView;
  };
  /** Prints a test page (ruler of the paper's columns, Spanish accents) on the saved printer. */
  'office.printer.test': { policy: 'manager'; args: PrinterTarget; result: PrintJobView };
  /** Opens the cash drawer without a sale; `reason` lands in the audit log with the manager. */
  'office.drawer.open': {
    policy: 'manager';
    args: { reason: string } & PrinterTarget;
    result: PrintJobView;
  };
}

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const PRINTER_CHANNELS = [
  'office.printer.get',
  'office.printer.save',
  'office.printer.logo.save',
  'office.printer.test',
  'office.drawer.open',
] as const satisfies readonly (keyof PrinterContract)[];
