/**
 * Receipts through the fake network printer over real TCP (issue 15, tests that must exist): the
 * ticket's lines at 32 and 48 columns with Spanish intact, one cut, the drawer pulse for cash only;
 * a printer that is down or slow never holds a sale, and the ticket reprints once it is back.
 */
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { CashResult } from '../../../app/domain/payment-view';
import type { PaymentView } from '../../../app/domain/payment-view';
import type { PrintJobView } from '../../../app/domain/printer';
import { startFakePrinter } from '../../../simulator/printer/fake-printer';
import { fillCart } from '../../support/payments-harness';
import {
  auditRows,
  nextPrintJobs,
  startPrintingHarness,
  usePrinter,
  type PrintingHarness,
} from '../../support/printing/printing-harness';

let p: PrintingHarness;
afterEach(async () => p?.close());

const ACCENTED_STORE = 'Panadería Peñón ¿Qué tal? ¡Sí!';

describe.each([58, 80] as const)('a card sale printed on %i mm paper', (paperWidth) => {
  const columns = paperWidth === 58 ? 32 : 48;

  it('has the expected lines, accents intact, amounts aligned at the edge, one cut and no pulse', async () => {
    // On demand, once Kushki's webhook has brought the card's data (an automatic ticket waits for it
    // a little; the simulator's scaled clock makes that wait too short to rely on here).
    p = await startPrintingHarness({ paperWidth, autoPrint: false });
    p.h.core.settings.setPublic('store.name', ACCENTED_STORE, Date.now());
    await fillCart(p.h, ['BEB-001', 'LAC-001']);
    const started = await p.h.call<PaymentView>('payments.card.start', {});
    await p.h.waitForStatus(started.id, ['approved']);
    await expect
      .poll(
        async () =>
          (await p.h.call<{ payment: PaymentView }>('payments.get', { paymentId: started.id })).payment
            .authorizationCode,
      )
      .toBeTruthy();
    const job = await p.h.call<PrintJobView>('sales.receipt.print', { saleId: started.saleId });
    expect(job).toMatchObject({ kind: 'receipt', saleId: started.saleId, status: 'printed' });
    const [ticket] = await p.printer.waitForJobs(1);
    const lines = ticket!.lines.map((l) => l.text);

    expect(lines.map((l) => l.trim())).toContain(ACCENTED_STORE);
    // The raw bytes read back with CP858 carry the same Spanish (see [Note: receipt code page]).
    expect(iconv.decode(ticket!.bytes, 'cp858')).toContain('Panadería Peñón ¿Qué tal? ¡Sí!');
    expect(lines.join('\n')).toContain('Atendió: Ana López');
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('Este ticket no es un comprobante fiscal');
    expect(lines.some((l) => /^Tarjeta \w+ ···· \d{4} +\$49\.00$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Autorización: \w+$/.test(l))).toBe(true);
    const total = ticket!.lines.find((l) => /^TOTAL +\$49\.00$/.test(l.text));
    expect(total?.bold).toBe(true);
    // Every amount ends at the last column; no line is wider than the paper.
    for (const line of ticket!.lines) {
      expect(line.text.length * line.width, line.text).toBeLessThanOrEqual(columns);
      if (/\$[\d,]+\.\d\d$/.test(line.text) && line.width === 1) expect(line.text).toHaveLength(columns);
    }
    expect(ticket!.cuts).toBe(1);
    expect(ticket!.pulses).toBe(0);
    expect(ticket!.barcodes).toEqual([`V${String(started.saleId).padStart(8, '0')}`]);
    expect(ticket!.unknown).toEqual([]);
    expect(auditRows(p.h.core, 'drawer.opened')).toEqual([]);
  });
});

describe('the cash drawer', () => {
  it('opens with the ticket of a cash sale (one job: pulse, then the one cut), audited with who', async () => {
    p = await startPrintingHarness({ paperWidth: 58 });
    await fillCart(p.h);
    const printed = nextPrintJobs(p.h.core);
    const cash = await p.h.call<CashResult>('payments.cash.pay', { tendered: 5_000 });
    expect(cash.saleCompleted).toBe(true);
    await printed;
    const [ticket] = await p.printer.waitForJobs(1);
    expect(ticket!.pulses).toBe(1);
    expect(ticket!.cuts).toBe(1);
    const change = ticket!.lines.find((l) => l.text.startsWith('CAMBIO'));
    expect(change).toMatchObject({ width: 2, height: 2, bold: true });
    expect(auditRows(p.h.core, 'drawer.opened')).toEqual([
      {
        actor: 1,
        subject: `sale:${cash.payment.saleId}`,
        details: { kind: 'cash_sale', saleId: cash.payment.saleId },
      },
    ]);
  });

  it('opens alone (no ticket, no cut) on a cash sale when the store prints on demand', async () => {
    p = await startPrintingHarness({ autoPrint: false });
    await fillCart(p.h);
    const kicked = nextPrintJobs(p.h.core);
    await p.h.call<CashResult>('payments.cash.pay', { tendered: 5_000 });
    expect((await kicked)[0]).toMatchObject({ kind: 'drawer', status: 'printed' });
    const [pulse] = await p.printer.waitForJobs(1);
    expect(pulse).toMatchObject({ pulses: 1, cuts: 0, lines: [] });
  });

  it('opens on a cash in/out and by a manager with a reason; each opening is audited with who and why', async () => {
    p = await startPrintingHarness();
    const manager = await p.h.call('session.signIn', { userId: 2, pin: '9999' });
    expect(manager).toBeTruthy();
    await p.h.call('office.shifts.open', { float: 50_000 });
    const moved = nextPrintJobs(p.h.core);
    await p.h.call('office.shifts.cashMovement', { kind: 'out', amount: 10_000, reason: 'Pago a proveedor' });
    expect((await moved)[0]).toMatchObject({ kind: 'drawer', status: 'printed' });
    const opened = await p.h.call<PrintJobView>('office.drawer.open', { reason: 'Cambio de billetes' });
    expect(opened).toMatchObject({ kind: 'drawer', status: 'printed' });
    expect((await p.printer.waitForJobs(2)).map((j) => j.pulses)).toEqual([1, 1]);
    expect(auditRows(p.h.core, 'drawer.opened')).toEqual([
      { actor: 2, subject: 'drawer', details: { kind: 'cash_movement', movement: 'out' } },
      { actor: 2, subject: 'drawer', details: { kind: 'manual', note: 'Cambio de billetes' } },
    ]);
    const noReason = await p.h.reply('office.drawer.open', { reason: ' ' });
    expect(noReason.ok ? 'ok' : noReason.error.code).toBe('validation_failed');
  });
});

describe('a printer that is down or slow never holds a sale', () => {
  it('down: the sale completes, the failure is announced, and the ticket reprints once it is back', async () => {
    p = await startPrintingHarness();
    const port = p.printer.port;
    await p.printer.close();
    await fillCart(p.h);
    const failed = nextPrintJobs(p.h.core);
    const cash = await p.h.call<CashResult>('payments.cash.pay', { tendered: 5_000 });
    expect(cash.saleCompleted).toBe(true);
    expect(await failed).toEqual([
      expect.objectContaining({
        kind: 'receipt',
        saleId: cash.payment.saleId,
        status: 'failed',
        failure: 'refused',
      }),
    ]);
    const receipt = await p.h.reply('sales.receipt.get', { saleId: cash.payment.saleId });
    expect(receipt.ok).toBe(true);
    // The drawer's pulse rode on that job: the log says it did not go through.
    expect(auditRows(p.h.core, 'drawer.open_failed')).toHaveLength(1);

    p.printer = await startFakePrinter({ port });
    const again = await p.h.call<PrintJobView>('sales.receipt.print', { saleId: cash.payment.saleId });
    expect(again).toMatchObject({ kind: 'receipt', status: 'printed', failure: null });
    const [ticket] = await p.printer.waitForJobs(1);
    expect(ticket!.text).toContain(`Venta ${cash.payment.saleId}`);
    expect(ticket!.cuts).toBe(1);
    // A reprint never opens the drawer again.
    expect(ticket!.pulses).toBe(0);
  });

  it('slow: the sale completes while the printer still holds the job, which then prints', async () => {
    p = await startPrintingHarness();
    p.printer.hold();
    await fillCart(p.h);
    const done = nextPrintJobs(p.h.core);
    const arrived = p.printer.waitForJobs(1);
    const cash = await p.h.call<CashResult>('payments.cash.pay', { tendered: 5_000 });
    expect(cash.saleCompleted).toBe(true);
    await arrived;
    // The counter already moved on: a new, empty sale is open while the ticket is still at the printer.
    const tender = await p.h.call<{ saleId: number; total: number }>('sales.tender.get', {});
    expect(tender.saleId).not.toBe(cash.payment.saleId);
    expect(p.h.core.printJobsInFlight()).toBe(1);
    p.printer.release();
    expect((await done)[0]).toMatchObject({ status: 'printed', saleId: cash.payment.saleId });
    expect(p.h.core.printJobsInFlight()).toBe(0);
  });

  it('no printer set up: reprint says so (the screen uses the print dialog), and sales are untouched', async () => {
    p = await startPrintingHarness();
    usePrinter(p.h.core, { kind: 'none' });
    await fillCart(p.h);
    const cash = await p.h.call<CashResult>('payments.cash.pay', { tendered: 5_000 });
    const reply = await p.h.reply('sales.receipt.print', { saleId: cash.payment.saleId });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('unavailable');
    expect(p.printer.jobs()).toEqual([]);
  });
});
