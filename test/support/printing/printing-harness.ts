/**
 * The payments harness (real simulator, real SQLite, real core) with a fake network printer on
 * 127.0.0.1 over real TCP, and the helpers the printing tests share.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { PrinterSettings, PrintJobView } from '../../../app/domain/printer';
import { DEFAULT_PRINTER_SETTINGS } from '../../../app/domain/printer';
import type { Core } from '../../../app/host/create-core';
import { PRINTER_KEYS } from '../../../app/services/printing/printer-settings';
import { startFakePrinter, type FakePrinter } from '../../../simulator/printer/fake-printer';
import { startPaymentsHarness, type PaymentsHarness } from '../payments-harness';

/** Sets the printer rows as the office's save would (trusted side; the channel has its own test). */
export function usePrinter(core: Core, settings: Partial<PrinterSettings>): void {
  const next = { ...DEFAULT_PRINTER_SETTINGS, ...settings };
  const now = Date.now();
  core.settings.setPublic(PRINTER_KEYS.kind, next.kind, now);
  core.settings.setPublic(PRINTER_KEYS.host, next.host, now);
  core.settings.setPublic(PRINTER_KEYS.port, String(next.port), now);
  core.settings.setPublic(PRINTER_KEYS.paperWidth, String(next.paperWidth), now);
  core.settings.setPublic(PRINTER_KEYS.autoPrint, next.autoPrint ? '1' : '0', now);
  core.settings.setPublic(PRINTER_KEYS.drawer, next.drawer ? '1' : '0', now);
}

/** The next `count` print jobs the core finishes, from now on. */
export function nextPrintJobs(core: Core, count = 1, at = 0): Promise<PrintJobView[]> {
  const seen: PrintJobView[] = [];
  return new Promise((resolve) => {
    // A sale's job reaches its own register's subscribers only (issue 17, [Note: events per register]).
    const stop = core.eventsFor(at).subscribe(({ event, payload }) => {
      if (event !== 'printer.job.finished') return;
      seen.push(payload as PrintJobView);
      if (seen.length < count) return;
      stop();
      resolve(seen);
    });
  });
}

/** Audit rows of `action`, read from the store's real SQLite file. */
export function auditRows(
  core: Core,
  action: string,
): { actor: number | null; subject: string; details: unknown }[] {
  const db = new BetterSqlite3(core.databaseFile, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT actor_user_id AS actor, subject, details FROM audit_log WHERE action = ? ORDER BY id')
      .all(action) as { actor: number | null; subject: string; details: string | null }[];
    return rows.map((r) => ({ ...r, details: r.details ? JSON.parse(r.details) : null }));
  } finally {
    db.close();
  }
}

/** A running harness with a fake printer the core prints to automatically. */
export interface PrintingHarness {
  h: PaymentsHarness;
  printer: FakePrinter;
  close(): Promise<void>;
}

/** Starts the harness and a fake printer, and points the store at it. */
export async function startPrintingHarness(
  settings: Partial<PrinterSettings> = {},
): Promise<PrintingHarness> {
  const h = await startPaymentsHarness();
  const printer = await startFakePrinter();
  usePrinter(h.core, {
    kind: 'network',
    host: '127.0.0.1',
    port: printer.port,
    autoPrint: true,
    ...settings,
  });
  return {
    h,
    printer,
    close: async () => {
      await printer.close();
      await h.close();
    },
  };
}
