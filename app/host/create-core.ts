import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Dispatch } from '../api/dispatch';
import type { ShellKind } from '../api/contract';
import type { PaymentView } from '../domain/payment-view';
import { DEFAULT_TIMINGS, type VerificationTimings } from '../domain/verification-schedule';
import { SqliteAuditLog } from '../infra/db/audit.repo';
import { SqliteCatalogRepo } from '../infra/db/catalog.repo';
import { startIdleCheckpointer } from '../infra/db/idle-checkpointer';
import { openDatabase } from '../infra/db/open-database';
import { SqlitePaymentsRepo } from '../infra/db/payments.repo';
import { SqliteSalesRepo } from '../infra/db/sales.repo';
import { SqliteRefundsRepo } from '../infra/db/office/refunds/refunds.repo';
import { SqliteStockRepo } from '../infra/db/office/stock/stock.repo';
import { SqliteSettingsRepo } from '../infra/db/settings.repo';
import { SqliteUsersRepo } from '../infra/db/users.repo';
import { SqlitePinFailuresRepo } from '../infra/db/pin-failures.repo';
import { seedDemoIfEmpty } from '../infra/seed/seed-demo';
import type { Clock } from '../ports/clock.port';
import type { RegistersService } from '../services/registers/registers.service';
import type { RegisterServerInfo } from '../domain/registers';
import type { EventBus } from '../ports/event-bus.port';
import type { Logger } from '../ports/logger.port';
import type { Timers } from '../ports/timers.port';
import type { PaymentGateway, TicketPrinter } from '../ports/payment-gateway.port';
import type { DemoControls } from '../api/handlers/app.handlers';
import type { SecretStore, SettingsRepo } from '../ports/settings.port';
import { SqliteSecretSettings } from '../infra/db/secret-settings.repo';
import { InboundWebhooksService } from '../services/payments/inbound-webhooks.service';
import { CardPushes } from '../services/payments/card-pushes';
import { PaymentEngine } from '../services/payments/payment-engine';
import { RefundSettlement } from '../services/payments/refund-settlement';
import { PaymentNoticesService } from '../services/payments/payment-notices.service';
import { PreferencesService } from '../services/preferences.service';
import { ReceiptsService } from '../services/receipts.service';
import { TerminalsService } from '../services/terminals.service';
import { buildPrinting, type PrinterTimeouts } from './build-printing';
import { buildRegisters } from './build-office';
import { buildRegisterContext, type RegisterContext, type StoreParts } from './register-context';
import { createRegisterEvents } from './register-events';
import { auditAtRegister } from '../infra/db/audit.repo';
import { SERVER_REGISTER_ID } from '../domain/registers';
import type { Channel, Reply } from '../api/contract';
import type { OsPrint } from '../ports/receipt-printer.port';
import { readPrinterSettings } from '../services/printing/printer-settings';
import type { DrawerService } from '../services/printing/drawer.service';
import { ensurePrivateDataDir } from './data-dir';
import { nodeTimers } from './node-timers';
import type { SessionLockReason } from '../domain/session';
import { environmentOf } from './environment';
import { createRelayInbox } from './relay-inbox';
import type { RelayInbox } from '../ports/relay-inbox.port';
import { relayDisabled, type RelayStatus } from '../domain/relay-status';
import { notConfiguredGateway } from './not-configured-gateway';
import type { SecretVault } from '../ports/secret-vault.port';
import { FileVault } from '../infra/security/file-vault';
import type { StoreControl } from '../api/handlers/store.handlers';
import type { MaintenanceControl } from '../api/handlers/office/maintenance.handlers';
import type { StoreKind } from '../domain/store-setup';
import { STORE_TIME_ZONE_KEY, storeTimeZoneOf, type StoreTimeZone } from '../domain/store-time-zone';
import { readStoreDetails } from '../services/office/settings/store-settings.service';

/** What a shell tells the core about itself. */
export interface CoreOptions {
  dataDir: string;
  shell: ShellKind;
  logger: Logger;
  clock?: Clock;
  /** Timers for the session's idle lock and the payments' verification schedule; tests pass ones their clock fires. */
  timers?: Timers;
  /** See OpenDatabaseOptions.nativeBinding. */
  sqliteNativeBinding?: string | undefined;
  /** Kushki's API for the configured environment, resolved per call. */
  gateway?: () => PaymentGateway;
  /** Verification timings; tests shrink them. */
  timings?: VerificationTimings;
  /** Kushki's print-ticket for the configured environment, if any. */
  printer?: () => TicketPrinter | undefined;
  /** Seconds a request waits for a card on the terminal. */
  ttlSeconds?: number;
  /** Opens a URL in the system browser (Electron); absent in the web shell, where the page opens it. */
  openExternal?: (url: string) => Promise<void>;
  /** The desktop shell's "save the shown receipt as PDF" (asks the user where); the web shell has none. */
  saveReceiptPdf?: (saleId: number) => Promise<boolean>;
  /** The desktop shell's silent print to an OS printer by name; absent in the web shell. */
  osPrint?: OsPrint;
  /** The network printer's deadlines (tests shorten them). */
  printerTimeouts?: PrinterTimeouts;
  /** Where the write-only secrets live: safeStorage on the desktop; default a 0600 file in the data dir. */
  vault?: SecretVault;
  /**
   * Runs once on the open, migrated connection. Tests set per-connection limits here that SQLite
   * has no other way to impose from outside (a low `max_page_count` is an honest full disk).
   */
  onDatabaseOpen?: (db: Database) => void;
  /**
   * Which store this database is (default `demo`): only the demo is ever seeded, so the real store's
   * database stays empty of demo products, users and terminals. See [Note: demo and real store].
   */
  storeKind?: StoreKind;
  /** The host's control over the data directory's stores (wizard, switch); absent in most tests. */
  store?: StoreControl;
  /** The host's logs and backups (issue 16); absent in most tests (the channels answer `unavailable`). */
  maintenance?: MaintenanceControl;
  /**
   * The shell's listener for registers (issue 17), asked per call: the web shell with
   * `--serve-registers`; absent (the desktop, tests) means this PC does not serve registers.
   */
  registerServer?: () => RegisterServerInfo | null;
}

const NOT_SERVING: RegisterServerInfo = { serving: false, urls: [], fingerprint: null };

/** The running core: one dispatch and one event bus for whichever transport hosts it. */
export interface Core {
  /** Register 0's dispatch: the store server's own counter (the shell's own windows). */
  dispatch: Dispatch;
  /**
   * One register's dispatch (issue 17): its own session, open sale, parked sales, terminals, shift
   * and drawer; the book (catalog, payments, reports) is the store's. The register server calls it
   * for each paired register's link. STUB until the register context lands: every id gets register 0's.
   */
  dispatchFor(registerId: number): Dispatch;
  /** Store-wide events plus the ones of that register alone (its cart, session, tender). */
  eventsFor(registerId: number): Pick<EventBus, 'subscribe'>;
  /** Locks one register's session (its link or last window closed). */
  lockRegister(registerId: number, reason: SessionLockReason): void;
  events: EventBus;
  /** Where relay events enter the payment engine. */
  inbound: InboundWebhooksService;
  /** Public settings, for the host's own configuration (environment, terminals, relay URL). */
  settings: SettingsRepo;
  /** Secret settings, for trusted infra only (the relay credentials, later the Kushki key). */
  secrets: SecretStore;
  /** The Kushki key and the relay's token and signing key, for trusted infra only (boot). */
  vault: SecretVault;
  terminals: TerminalsService;
  /** The registers paired with this store (issue 17): the register server checks credentials here. */
  registers: RegistersService;
  /** Where the relay client stores events (with its cursor) and triggers the engine. */
  relayInbox: RelayInbox;
  /** Publishes the relay connection's status to every window. */
  setRelayStatus(status: RelayStatus): void;
  /** Tells the renderer where the demo store's virtual terminal is. */
  setDemo(demo: DemoControls | null): void;
  /** Locks the register for the shell: its last window or connection closed (issue 11). */
  lockSession(reason: SessionLockReason): void;
  /** Verifies every payment in doubt (start-up reconciliation) and arms the schedule. */
  reconcile(): Promise<void>;
  /** The database file in use (for logs; never sent to the renderer). */
  databaseFile: string;
  /** Sales with a card payment whose outcome is not known yet: the host refuses to switch stores then. */
  salesWithPaymentInFlight(): number[];
  /** The store's time zone, as stored (Mexico City until a store chooses). */
  timeZone(): StoreTimeZone;
  /** The cash drawers: every cash path kicks its register's through here (`drawer.kick(reason, actor, registerId)`). */
  drawer: DrawerService;
  /** Print jobs asked for and not finished (tests wait on `printer.job.finished` instead of polling). */
  printJobsInFlight(): number;
  close(): void;
}

/** The database file inside a data directory. */
export function databaseFileIn(dataDir: string): string {
  return join(dataDir, 'caja.sqlite');
}

/**
 * Composition root used by both shells: opens and migrates the database, seeds the demo store on a
 * fresh data directory, builds services and handlers, and returns the transport-agnostic dispatch.
 */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? { now: () => Date.now() };
  ensurePrivateDataDir(options.dataDir);
  const databaseFile = databaseFileIn(options.dataDir);
  const db: Database = openDatabase(databaseFile, { nativeBinding: options.sqliteNativeBinding });
  const storeKind = options.storeKind ?? 'demo';
  if (storeKind === 'demo' && seedDemoIfEmpty(db, clock.now())) {
    options.logger.info('seeded demo store', { databaseFile });
  }
  options.onDatabaseOpen?.(db);
  const checkpointer = startIdleCheckpointer(db);

  const timers = options.timers ?? nodeTimers;
  const settings = new SqliteSettingsRepo(db);
  // Read per use: a store's zone is chosen once in the wizard, but a restart must never be needed.
  const timeZone = () => storeTimeZoneOf(settings.getPublic(STORE_TIME_ZONE_KEY));
  // The store's sales repo is register 0's; the engine and the event hub use it by sale id only.
  const sales = new SqliteSalesRepo(db);
  const hub = createRegisterEvents(options.logger, (saleId) =>
    db.open ? sales.registerOf(saleId) : undefined,
  );
  const events = hub.store;
  const payments = new SqlitePaymentsRepo(db);
  const audit = new SqliteAuditLog(db);
  const preferences = new PreferencesService(settings, events, clock);
  const terminals = new TerminalsService(settings, clock);
  const users = new SqliteUsersRepo(db);
  const secrets = new SqliteSecretSettings(db);
  const vault = options.vault ?? new FileVault(options.dataDir);
  // Boot picks the environment once; app.info reports that one until a restart applies a change.
  const configuredEnvironment = environmentOf(settings.getPublic('kushki.environment'));
  // The real store never runs the demo's simulator (boot applies the same rule).
  const runningEnvironment =
    storeKind === 'real' && configuredEnvironment === 'demo' ? 'dev' : configuredEnvironment;
  const gateway = options.gateway ?? notConfiguredGateway;
  const timings = options.timings ?? DEFAULT_TIMINGS;
  const refundsRepo = new SqliteRefundsRepo(db);
  // See [Note: engine follow-ups]: built from ports first, so the engine gets them in its constructor.
  const pushes = new CardPushes({ payments, gateway, timings });
  const settlement = new RefundSettlement({ payments, refunds: refundsRepo, gateway, timings });
  const stock = new SqliteStockRepo(db);
  const engine = new PaymentEngine({
    payments,
    sales,
    stock,
    gateway,
    clock,
    timers,
    events,
    audit,
    logger: options.logger,
    timings,
    followUps: {
      afterStatus: (payment, view, ops) => settlement.afterStatus(payment, view, ops),
      onNotRegistered: (payment, ops) => pushes.onNotRegistered(payment, ops),
    },
  });
  // See [Note: payments in doubt at start-up]: noted now, before anything can verify them.
  const notices = new PaymentNoticesService({
    payments,
    sales,
    settings,
    events,
    audit,
    clock,
    logger: options.logger,
  });
  notices.noteInDoubtAtStart();
  events.subscribe(({ event, payload }) => {
    if (event === 'payments.updated') notices.paymentUpdated(payload as PaymentView);
  });
  const header = () => receiptHeader(settings);
  // Issue 17: a sale's ticket prints on its register's printer ([Note: a printer per register]).
  const registerOf = (saleId: number) => sales.registerOf(saleId) ?? SERVER_REGISTER_ID;
  const paperWidth = (saleId: number) => readPrinterSettings(settings, registerOf(saleId)).paperWidth;
  const printing = buildPrinting({
    settings,
    payments,
    registerOf,
    receipts: new ReceiptsService({ sales, payments, users, header, timeZone, paperWidth }),
    events,
    audit,
    clock,
    logger: options.logger,
    timers,
    timeZone,
    storeName: () => readStoreDetails(settings).name,
    osPrint: options.osPrint,
    timeouts: options.printerTimeouts,
  });
  let demo: DemoControls | null = null;
  let relayStatus: RelayStatus = relayDisabled();
  const contexts = new Map<number, RegisterContext>();
  // Pairing and revoking registers is the store server's own counter's (see SERVER_ONLY).
  const registers = buildRegisters({
    db,
    audit: auditAtRegister(audit, SERVER_REGISTER_ID),
    clock,
    events,
    manager: () => {
      const id = contextFor(SERVER_REGISTER_ID).session.actor();
      if (id === null) throw new Error('a registers handler ran with nobody signed in');
      return id;
    },
  });
  const store: StoreParts = {
    db,
    options,
    registerServer: () => options.registerServer?.() ?? NOT_SERVING,
    clock,
    timers,
    audit,
    settings,
    vault,
    users,
    pinFailures: new SqlitePinFailuresRepo(db),
    catalog: new SqliteCatalogRepo(db),
    payments,
    refundsRepo,
    stock,
    engine,
    pushes,
    settlement,
    notices,
    preferences,
    terminals,
    gateway,
    timeZone,
    printing,
    runningEnvironment,
    storeKind,
    events,
    registers,
    busFor: (registerId) => hub.busFor(registerId),
    header,
    paperWidth,
    demo: () => demo,
    relayStatus: () => relayStatus,
    // A manager disabled or re-PINned a user: that user leaves every register.
    endSessionOf: (userId) => {
      for (const context of contexts.values()) {
        if (context.session.get()?.user.id === userId) context.session.signOut();
      }
    },
  };
  function contextFor(registerId: number): RegisterContext {
    let context = contexts.get(registerId);
    if (!context) {
      context = buildRegisterContext(store, registerId);
      contexts.set(registerId, context);
    }
    return context;
  }
  const server = contextFor(SERVER_REGISTER_ID);
  // A revoked register is refused at once (dispatchFor asks on every call) and its session ends.
  registers.onRevoked((registerId) => {
    const context = contexts.get(registerId);
    if (!context) return;
    contexts.delete(registerId);
    context.session.signOut();
    context.stop();
  });
  const lockRegister = (registerId: number, reason: SessionLockReason) => {
    if (db.open) contexts.get(registerId)?.session.lock(reason);
  };
  const inbound = new InboundWebhooksService({ engine, payments, logger: options.logger, timeZone });
  const reconcile = () => server.reconcile();
  return {
    dispatch: server.dispatch,
    dispatchFor: (registerId) => (channel, args) =>
      registerId === SERVER_REGISTER_ID || registers.isActive(registerId)
        ? contextFor(registerId).dispatch(channel, args)
        : Promise.resolve(NOT_A_REGISTER),
    eventsFor: (registerId) => hub.viewOf(registerId),
    lockRegister,
    // The shells' own windows are register 0's: they hear what one register heard before issue 17.
    events: { emit: events.emit, subscribe: hub.viewOf(SERVER_REGISTER_ID).subscribe },
    inbound,
    relayInbox: createRelayInbox({ payments, settings, inbound, clock, reconcile }),
    setDemo: (value) => {
      demo = value;
    },
    lockSession: (reason) => lockRegister(SERVER_REGISTER_ID, reason),
    setRelayStatus: (status) => {
      relayStatus = status;
      events.emit('relay.statusChanged', status);
    },
    settings,
    secrets,
    vault,
    terminals,
    registers,
    reconcile,
    databaseFile,
    salesWithPaymentInFlight: () => [...new Set(payments.unresolved().map((p) => p.saleId))],
    timeZone,
    drawer: printing.drawer,
    printJobsInFlight: () => printing.queue.inFlight,
    close: () => {
      printing.stop();
      for (const context of contexts.values()) context.stop();
      engine.stop();
      checkpointer.stop();
      db.close();
    },
  };
}

/** dispatchFor's answer to an id that is not an active register: unknown, or revoked. */
const NOT_A_REGISTER: Reply<Channel> = {
  ok: false,
  error: {
    code: 'forbidden',
    message: 'This register is not paired with the store or was revoked; pair it again at the store server.',
  },
};

/** The receipt's header and footer from the manager's store settings. */
function receiptHeader(settings: SettingsRepo) {
  const store = readStoreDetails(settings);
  return { storeName: store.name, storeRfc: store.rfc, storeAddress: store.address, footer: store.footer };
}
