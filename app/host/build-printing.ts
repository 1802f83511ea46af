/**
 * Builds the receipt printers, their queue and the drawers from the printer settings (issue 15), one
 * printer per register (issue 17, [Note: a printer per register]). The printer is chosen again for
 * every job, so a change in Configuración applies to the next ticket without a restart. Subscribes
 * the printing to `sales.completed`: see [Note: printing never blocks a sale].
 */
import { holdsMoney } from '../domain/payment-status';
import type { PrinterLogo, PrinterSettings } from '../domain/printer';
import { NetworkPrinter } from '../infra/printer/network-printer';
import { OsPrinter } from '../infra/printer/os-printer';
import type { RegisterPrinterView } from '../api/office/printer.contract';
import { SERVER_REGISTER_ID } from '../domain/registers';
import { ok, type Result } from '../domain/result';
import type { AuditLog } from '../ports/audit.port';
import type { Clock } from '../ports/clock.port';
import type { EventBus } from '../ports/event-bus.port';
import type { Logger } from '../ports/logger.port';
import type { PaymentsRepo } from '../ports/payments.port';
import type { OsPrint } from '../ports/receipt-printer.port';
import type { SettingsRepo } from '../ports/settings.port';
import type { Timers } from '../ports/timers.port';
import type { StoreTimeZone } from '../domain/store-time-zone';
import { DrawerService } from '../services/printing/drawer.service';
import { PrintQueue } from '../services/printing/print-queue';
import {
  readPrinterLogo,
  readPrinterSettings,
  savePrinterLogo,
  savePrinterSettings,
} from '../services/printing/printer-settings';
import { logoImage } from '../infra/printer/escpos-receipt';
import { PrintingService, type PrinterChoice } from '../services/printing/printing.service';
import type { ReceiptsService } from '../services/receipts.service';

/** Deadlines of the network printer; tests shorten them. */
export interface PrinterTimeouts {
  connectTimeoutMs?: number;
  jobTimeoutMs?: number;
}

/** What the printing needs from the core. */
export interface PrintingWiring {
  settings: SettingsRepo;
  payments: PaymentsRepo;
  /** The register that rang up a sale: its ticket prints there. */
  registerOf: (saleId: number) => number;
  receipts: ReceiptsService;
  events: EventBus;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  timeZone: () => StoreTimeZone;
  storeName: () => string;
  timers: Timers;
  /** The store server's own OS printers (the desktop app on register 0 only). */
  osPrint?: OsPrint | undefined;
  timeouts?: PrinterTimeouts | undefined;
}

/** The printing services, for the handlers and the other cash paths (returns, cash in/out). */
export interface Printing {
  printing: PrintingService;
  drawer: DrawerService;
  queue: PrintQueue;
  read(registerId: number): RegisterPrinterView;
  save(settings: PrinterSettings, actor: number, registerId: number): Result<RegisterPrinterView>;
  saveLogo(logo: PrinterLogo | null, actor: number, registerId: number): RegisterPrinterView;
  /** Unsubscribes from `sales.completed`. */
  stop(): void;
}

/** Wires each register's printer from its settings. */
export function buildPrinting(w: PrintingWiring): Printing {
  const queue = new PrintQueue({ events: w.events, clock: w.clock, logger: w.logger });
  // Only the server's own counter can reach the server's OS printers (readPrinterSettings never
  // answers `os` for another register).
  const osPrintOf = (registerId: number) => (registerId === SERVER_REGISTER_ID ? w.osPrint : undefined);
  const choose = (registerId: number): PrinterChoice => {
    const settings = readPrinterSettings(w.settings, registerId);
    const osPrint = osPrintOf(registerId);
    const base = { settings, drawer: settings.drawer };
    if (settings.kind === 'network') {
      return {
        ...base,
        printer: new NetworkPrinter({
          host: settings.host,
          port: settings.port,
          ...w.timeouts,
          logo: () => {
            const logo = readPrinterLogo(w.settings);
            return logo ? logoImage(logo) : null;
          },
        }),
      };
    }
    if (settings.kind === 'os' && osPrint)
      return { ...base, printer: new OsPrinter(osPrint, settings.osName) };
    const failure =
      settings.kind === 'os'
        ? ({ ok: false, failure: 'unsupported', detail: 'OS printers need the desktop app' } as const)
        : ({ ok: false, failure: 'not_configured', detail: 'no printer is set up' } as const);
    return { ...base, failure };
  };
  const drawer = new DrawerService({ queue, printer: choose, audit: w.audit, clock: w.clock });
  const printing = new PrintingService({
    receipts: w.receipts,
    queue,
    printer: choose,
    registerOf: w.registerOf,
    drawer,
    actorOf: (saleId) =>
      w.payments
        .forSale(saleId)
        .filter((p) => holdsMoney(p.status))
        .at(-1)?.createdBy ?? null,
    storeName: w.storeName,
    events: w.events,
    timers: w.timers,
    localNow: () =>
      new Intl.DateTimeFormat('es-MX', {
        timeZone: w.timeZone(),
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(w.clock.now()),
  });
  const stop = w.events.subscribe(({ event, payload }) => {
    if (event === 'sales.completed') printing.onSaleCompleted((payload as { saleId: number }).saleId);
  });
  const view = (registerId: number): RegisterPrinterView => ({
    ...readPrinterSettings(w.settings, registerId),
    registerId,
    osPrintAvailable: !!osPrintOf(registerId),
    hasLogo: readPrinterLogo(w.settings) !== null,
  });
  const deps = { settings: w.settings, audit: w.audit, clock: w.clock };
  return {
    printing,
    drawer,
    queue,
    read: view,
    save: (settings, actor, registerId) => {
      const saved = savePrinterSettings(deps, settings, actor, registerId);
      return saved.ok ? ok(view(registerId)) : saved;
    },
    saveLogo: (logo, actor, registerId) => {
      savePrinterLogo(deps, logo, actor);
      return view(registerId);
    },
    stop,
  };
}
