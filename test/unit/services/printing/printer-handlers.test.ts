/**
 * Whose printer an office printer channel acts on (issue 17, [Note: a printer per register]): the
 * calling register's by default; another register's only from the store server's office (register 0).
 * The printing behind the handlers is stubbed here (it has its own integration test over real TCP);
 * what is under test is the choice of register.
 */
import { describe, expect, it } from 'vitest';
import type { RegisterPrinterView } from '../../../../app/api/office/printer.contract';
import {
  printerHandlers,
  type PrinterHandlersDeps,
} from '../../../../app/api/handlers/office/printer.handlers';
import { DEFAULT_PRINTER_SETTINGS, type PrintJobView } from '../../../../app/domain/printer';
import { ok } from '../../../../app/domain/result';
import type { DrawerService } from '../../../../app/services/printing/drawer.service';
import type { PrintingService } from '../../../../app/services/printing/printing.service';

function handlersAt(caller: number) {
  const touched: string[] = [];
  const view = (registerId: number): RegisterPrinterView => ({
    ...DEFAULT_PRINTER_SETTINGS,
    registerId,
    osPrintAvailable: false,
    hasLogo: false,
  });
  const job = (registerId: number): PrintJobView => ({
    id: 1,
    kind: 'test',
    saleId: null,
    registerId,
    status: 'printed',
    failure: null,
    at: 0,
  });
  /** Notes which register an action reached, and answers as the printing would. */
  const reached = <T>(what: string, registerId: number, value: T): T => {
    touched.push(`${what}:${registerId}`);
    return value;
  };
  const deps: PrinterHandlersDeps = {
    printing: {
      testPage: async (registerId: number) => reached('test', registerId, ok(job(registerId))),
    } as unknown as PrintingService,
    drawer: {
      openByManager: async (_note: string, _actor: number, registerId: number) =>
        reached('drawer', registerId, ok(job(registerId))),
    } as unknown as DrawerService,
    read: (registerId) => view(registerId),
    save: (_settings, _actor, registerId) => reached('save', registerId, ok(view(registerId))),
    saveLogo: (_logo, _actor, registerId) => reached('logo', registerId, view(registerId)),
    manager: () => 9,
    registerId: () => caller,
    registerExists: (registerId) => [0, 2, 3].includes(registerId),
  };
  return { h: printerHandlers(deps), touched };
}

const settings = { ...DEFAULT_PRINTER_SETTINGS, kind: 'network' as const, host: '10.0.0.9' };

describe('the office printer channels choose the register', () => {
  it("act on the calling register's printer when no register is named", async () => {
    const { h, touched } = handlersAt(2);
    expect(await h['office.printer.get']({})).toEqual(
      ok(expect.objectContaining({ registerId: 2, callerRegisterId: 2 })),
    );
    await h['office.printer.save'](settings);
    await h['office.printer.test']({});
    await h['office.drawer.open']({ reason: 'Cambio' });
    expect(touched).toEqual(['save:2', 'test:2', 'drawer:2']);
  });

  it("let the server's office (register 0) act on another paired register, and say when there is none", async () => {
    const { h, touched } = handlersAt(0);
    expect(await h['office.printer.get']({ registerId: 3 })).toEqual(
      ok(expect.objectContaining({ registerId: 3, callerRegisterId: 0 })),
    );
    await h['office.printer.save']({ ...settings, registerId: 3 });
    await h['office.drawer.open']({ reason: 'Cambio', registerId: 3 });
    expect(touched).toEqual(['save:3', 'drawer:3']);
    const missing = await h['office.printer.get']({ registerId: 8 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it("refuse a remote register's office acting on another register's printer, touching nothing", async () => {
    const { h, touched } = handlersAt(2);
    for (const reply of [
      await h['office.printer.get']({ registerId: 0 }),
      await h['office.printer.save']({ ...settings, registerId: 3 }),
      await h['office.printer.logo.save']({ logo: null, registerId: 0 }),
      await h['office.printer.test']({ registerId: 3 }),
      await h['office.drawer.open']({ reason: 'Cambio', registerId: 0 }),
    ]) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(touched).toEqual([]);
  });
});
