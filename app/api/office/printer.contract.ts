/**
 * The manager's office, printer and cash drawer (issue 15): the printer settings (where receipts go,
 * paper width, print after each sale or on demand, drawer on the printer), a test page, and "Abrir
 * cajón" without a sale, which needs a reason and is audited with who and why. Every `office.*`
 * channel is `manager` (see [Note: the office needs a manager]).
 */
import type { PrinterLogo, PrinterSettings, PrintJobView } from '../../domain/printer';

type Empty = Record<string, never>;

/** The printer settings, and whether this shell can print to an OS printer (desktop only). */
export interface PrinterSettingsView extends PrinterSettings {
  osPrintAvailable: boolean;
  /** Whether a logo prints at the ticket's top (the image itself stays on the trusted side). */
  hasLogo: boolean;
}

export interface PrinterContract {
  'office.printer.get': { policy: 'manager'; args: Empty; result: PrinterSettingsView };
  'office.printer.save': { policy: 'manager'; args: PrinterSettings; result: PrinterSettingsView };
  /** Sets the ticket's logo (already black and white, see PrinterLogo), or removes it with null. */
  'office.printer.logo.save': {
    policy: 'manager';
    args: { logo: PrinterLogo | null };
    result: PrinterSettingsView;
  };
  /** Prints a test page (ruler of the paper's columns, Spanish accents) on the saved printer. */
  'office.printer.test': { policy: 'manager'; args: Empty; result: PrintJobView };
  /** Opens the cash drawer without a sale; `reason` lands in the audit log with the manager. */
  'office.drawer.open': { policy: 'manager'; args: { reason: string }; result: PrintJobView };
}

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const PRINTER_CHANNELS = [
  'office.printer.get',
  'office.printer.save',
  'office.printer.logo.save',
  'office.printer.test',
  'office.drawer.open',
] as const satisfies readonly (keyof PrinterContract)[];
