/**
 * A printer and a drawer per register (issue 17, deliverable 3, [Note: a printer per register]),
 * through two fake network printers over real TCP on 127.0.0.1: printer A on register 0 (the store
 * server's counter, set up with the rows every store had before issue 17) and printer B on register
 * 2 (a paired PC's counter, set up through the office channel). Register 2's sale is rung up on the
 * real core and moved to register 2 in the real SQLite file, as the register context will ring it.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterSettingsView } from '../../../app/api/office/printer.contract';
import type { CashResult } from '../../../app/domain/payment-view';
import type { PrintJobView } from '../../../app/domain/printer';
import { DEFAULT_PRINTER_SETTINGS } from '../../../app/domain/printer';
import type { Core } from '../../../app/host/create-core';
import { startFakePrinter, type FakePrinter } from '../../../simulator/printer/fake-printer';
import {
  nextPrintJobs,
  startPrintingHarness,
  type PrintingHarness,
} from '../../support/printing/printing-harness';

const REMOTE = 2;

let p: PrintingHarness;
let printerB: FakePrinter | undefined;
afterEach(async () => {
  await printerB?.close();
  printerB = undefined;
  await p?.close();
});

/** Writes to the store's real SQLite file beside the core (WAL: the core sees it at once). */
function withDb<T>(core: Core, run: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(core.databaseFile);
  try {
    return run(db);
  } finally {
    db.close();
  }
}

/** A paired register `id` (its credential is never used here). */
function pairRegister(core: Core, id: number): void {
  withDb(core, (db) =>
    db
      .prepare(
        `INSERT INTO registers (id, name, credential_hash, paired_at) VALUES (?, ?, randomblob(32), 1)`,
      )
      .run(id, `Caja ${id}`),
  );
}

/** The register column of the audit rows of `action` (migration 017). */
function auditRegisters(core: Core, action: string): (number | null)[] {
  return withDb(core, (db) =>
    (
      db.prepare('SELECT register_id AS r FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
        r: number | null;
      }[]
    ).map((row) => row.r),
  );
}

/** Rings up a cash sale at the counter; answers its id once it completed. */
async function cashSale(at: number): Promise<number> {
  // Each register rings its own sale since the register context (issue 17): rung at its dispatch.
  const dispatch = at === 0 ? p.h.core.dispatch : p.h.core.dispatchFor(at);
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const reply = await dispatch(channel, args);
    if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code} ${reply.error.message}`);
    return reply.value as T;
  };
  if (at !== 0) await call('session.signIn', { userId: 2, pin: '9999' });
  await call('sales.cart.scan', { code: 'BEB-001' });
  const { saleId } = await call<{ saleId: number }>('sales.tender.get', {});
  const cash = await call<CashResult>('payments.cash.pay', { tendered: 5_000 });
  expect(cash.saleCompleted).toBe(true);
  expect(cash.payment.saleId).toBe(saleId);
  return saleId;
}

/** Printer A on register 0 (old keys, 80 mm), register 2 paired, and printer B started. */
async function start(): Promise<void> {
  p = await startPrintingHarness({ paperWidth: 80 });
  printerB = await startFakePrinter();
  pairRegister(p.h.core, REMOTE);
  await p.h.call('session.signIn', { userId: 2, pin: '9999' });
}

/** Sets up register 2's printer B through the office channel, from the server's office. */
function useB(settings: Partial<typeof DEFAULT_PRINTER_SETTINGS> = {}) {
  return p.h.call<PrinterSettingsView>('office.printer.save', {
    ...DEFAULT_PRINTER_SETTINGS,
    kind: 'network',
    host: '127.0.0.1',
    port: printerB!.port,
    paperWidth: 58,
    autoPrint: true,
    ...settings,
    registerId: REMOTE,
  });
}

describe('a printer per register', () => {
  it("prints each sale on its register's printer, at that printer's width, with the pulse on its drawer", async () => {
    await start();
    const saved = await useB();
    expect(saved).toMatchObject({ registerId: REMOTE, callerRegisterId: 0, kind: 'network', paperWidth: 58 });

    const first = nextPrintJobs(p.h.core);
    const atServer = await cashSale(0);
    expect((await first)[0]).toMatchObject({ saleId: atServer, registerId: 0, status: 'printed' });
    const second = nextPrintJobs(p.h.core, 1, REMOTE);
    const atRemote = await cashSale(REMOTE);
    expect((await second)[0]).toMatchObject({ saleId: atRemote, registerId: REMOTE, status: 'printed' });

    const [ticketA] = p.printer.jobs();
    const [ticketB] = printerB!.jobs();
    expect(p.printer.jobs()).toHaveLength(1);
    expect(printerB!.jobs()).toHaveLength(1);
    expect(ticketA!.text).toContain(`Venta ${atServer}`);
    expect(ticketB!.text).toContain(`Venta ${atRemote}`);
    expect(ticketB!.text).not.toContain(`Venta ${atServer}`);
    // Each ticket is laid out for its own printer's paper: 48 columns on A, 32 on B.
    const widest = (lines: { text: string; width: number }[]) =>
      Math.max(...lines.map((l) => l.text.length * l.width));
    expect(widest(ticketA!.lines)).toBe(48);
    expect(widest(ticketB!.lines)).toBe(32);
    expect([ticketA!.pulses, ticketB!.pulses]).toEqual([1, 1]);
    // The screen's receipt (what the cashier sees is what prints) follows the sale's register too.
    const shown = async (saleId: number) =>
      (await p.h.call<{ paperWidth: number }>('sales.receipt.get', { saleId })).paperWidth;
    expect([await shown(atServer), await shown(atRemote)]).toEqual([80, 58]);
    expect(auditRegisters(p.h.core, 'drawer.opened')).toEqual([0, REMOTE]);
  });

  it("register 2's cash sale on demand pulses B's drawer alone; A gets nothing", async () => {
    await start();
    await useB({ autoPrint: false });
    const kicked = nextPrintJobs(p.h.core, 1, REMOTE);
    const saleId = await cashSale(REMOTE);
    expect((await kicked)[0]).toMatchObject({
      kind: 'drawer',
      saleId,
      registerId: REMOTE,
      status: 'printed',
    });
    expect(printerB!.jobs()).toEqual([expect.objectContaining({ pulses: 1, cuts: 0, lines: [] })]);
    expect(p.printer.jobs()).toEqual([]);
    expect(p.h.core.printJobsInFlight()).toBe(0);
    expect(auditRegisters(p.h.core, 'drawer.opened')).toEqual([REMOTE]);

    // The manager's "Abrir cajón" for register 2, from the server's office, also reaches B only.
    const opened = await p.h.call<PrintJobView>('office.drawer.open', {
      reason: 'Cambio para la caja 2',
      registerId: REMOTE,
    });
    expect(opened).toMatchObject({ kind: 'drawer', registerId: REMOTE, status: 'printed' });
    expect(printerB!.jobs().map((j) => j.pulses)).toEqual([1, 1]);
    expect(p.printer.jobs()).toEqual([]);
    expect(auditRegisters(p.h.core, 'drawer.opened')).toEqual([REMOTE, REMOTE]);
  });

  it("keeps register 0's printer on the rows stores had before registers; a new register inherits none of it", async () => {
    await start();
    // The harness wrote the pre-issue-17 rows by their literal names: they are register 0's printer.
    expect(p.h.core.settings.getPublic('printer.kind')).toBe('network');
    const own = await p.h.call<PrinterSettingsView>('office.printer.get', {});
    expect(own).toMatchObject({ registerId: 0, kind: 'network', port: p.printer.port, paperWidth: 80 });
    const remote = await p.h.call<PrinterSettingsView>('office.printer.get', { registerId: REMOTE });
    expect(remote).toMatchObject({
      ...DEFAULT_PRINTER_SETTINGS,
      registerId: REMOTE,
      osPrintAvailable: false,
    });

    // Register 2 has no printer yet: its cash sale prints nowhere (certainly not on A at the other counter).
    await cashSale(REMOTE);
    expect(p.h.core.printJobsInFlight()).toBe(0);
    expect(p.printer.jobs()).toEqual([]);

    // Saving register 2's printer writes its own rows and leaves register 0's as they were.
    await useB();
    expect(p.h.core.settings.getPublic(`printer.${REMOTE}.port`)).toBe(String(printerB!.port));
    expect(p.h.core.settings.getPublic('printer.port')).toBe(String(p.printer.port));
    const test = await p.h.call<PrintJobView>('office.printer.test', { registerId: REMOTE });
    expect(test).toMatchObject({ kind: 'test', registerId: REMOTE, status: 'printed' });
    expect(printerB!.jobs()).toHaveLength(1);
    expect(p.printer.jobs()).toEqual([]);
  });

  it('refuses an OS printer for register 2 (in words the office shows) and stores nothing', async () => {
    await start();
    await useB();
    const refused = await p.h.reply('office.printer.save', {
      ...DEFAULT_PRINTER_SETTINGS,
      kind: 'os',
      osName: 'EPSON TM-T20',
      registerId: REMOTE,
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('validation_failed');
    expect(refused.error.issues).toEqual([{ path: 'kind', message: 'printer_os_remote' }]);
    expect(refused.error.message).toMatch(/network printer/);
    const after = await p.h.call<PrinterSettingsView>('office.printer.get', { registerId: REMOTE });
    expect(after).toMatchObject({ kind: 'network', port: printerB!.port });
    expect(p.h.core.settings.getPublic(`printer.${REMOTE}.osName`)).toBe('');

    // A register nobody paired is not found; the server's own counter may still choose an OS printer.
    const unknown = await p.h.reply('office.printer.get', { registerId: 7 });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');
    const server = await p.h.reply('office.printer.save', {
      ...DEFAULT_PRINTER_SETTINGS,
      kind: 'os',
      osName: 'EPSON TM-T20',
    });
    expect(server.ok ? server.value : server.error).toMatchObject({ registerId: 0, kind: 'os' });
  });
});
