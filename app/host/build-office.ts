/**
 * The manager's office, wired: its SQLite read models and repos, and every office service, built
 * here in the composition root from what create-core already has. The office handlers receive only
 * the services (OfficeServices); no database or repo reaches app/api. See [Note: layer rules].
 */
import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { OfficeServices } from '../api/handlers/office';
import { SqliteOpenItemsReadModel } from '../infra/db/office/refunds/open-items.read';
import { SpreadsheetFiles } from '../infra/catalog-files/spreadsheet-files';
import { SqliteProductsAdminRepo } from '../infra/db/office/products/products-admin.repo';
import { SqliteReportsReadModel } from '../infra/db/office/reports/reports.read';
import { SqliteReturnsRepo } from '../infra/db/office/returns/returns.repo';
import { SqliteShiftsRepo } from '../infra/db/office/shifts/shifts.repo';
import { SqliteFilterChoicesReadModel } from '../infra/db/office/transactions/filter-choices.read';
import { SqlitePaymentDetailReadModel } from '../infra/db/office/transactions/payment-detail.read';
import { SqliteTransactionsReadModel } from '../infra/db/office/transactions/transactions.read';
import { SqliteRegistersRepo } from '../infra/db/registers.repo';
import type { RegisterServerInfo } from '../domain/registers';
import type { AuditLog } from '../ports/audit.port';
import type { EventBus } from '../ports/event-bus.port';
import type { Clock } from '../ports/clock.port';
import type { PaymentGateway } from '../ports/payment-gateway.port';
import type { PaymentsRepo } from '../ports/payments.port';
import type { SecretVault } from '../ports/secret-vault.port';
import type { SettingsRepo } from '../ports/settings.port';
import type { StockRepo } from '../ports/stock.port';
import type { PinFailuresRepo, UserAdminRepo } from '../ports/users.port';
import { CatalogExportService } from '../services/office/products/catalog-export.service';
import { CatalogImportService } from '../services/office/products/catalog-import.service';
import { ProductsAdminService } from '../services/office/products/products-admin.service';
import { OpenItemsService } from '../services/office/refunds/open-items.service';
import { CounterSettingsService } from '../services/office/settings/counter-settings.service';
import { SecretsService } from '../services/office/settings/secrets.service';
import { StoreSettingsService } from '../services/office/settings/store-settings.service';
import { TerminalsAdminService } from '../services/office/settings/terminals-admin.service';
import { UsersAdminService } from '../services/office/settings/users-admin.service';
import { UpdateSettingsService } from '../services/office/settings/update-settings.service';
import { ReportsService } from '../services/office/shifts/reports.service';
import { ShiftsService } from '../services/office/shifts/shifts.service';
import { StockService } from '../services/office/stock/stock.service';
import { ReturnsService } from '../services/office/returns/returns.service';
import { TransactionsService } from '../services/office/transactions/transactions.service';
import { PairingCodes } from '../services/registers/pairing-codes';
import { RegistersService } from '../services/registers/registers.service';
import type { CardPaymentsService } from '../services/payments/card-payments.service';
import type { RefundsService } from '../services/payments/refunds.service';
import type { PreferencesService } from '../services/preferences.service';
import type { TerminalsService } from '../services/terminals.service';
import type { TerminalsAdmin } from '../services/register-terminals';
import type { StoreTimeZone } from '../domain/store-time-zone';
import type { Printing } from './build-printing';
import type { KushkiEnvironmentName } from '../domain/office/settings';
import type { StoreKind } from '../domain/store-setup';

/** The adapters and services of the core that the office builds on. */
export interface OfficeWiring {
  /** The store's database, for the office's own read models and repos (built here only). */
  db: Database;
  clock: Clock;
  audit: AuditLog;
  settings: SettingsRepo;
  /** The write-only secrets (Kushki key, relay token and signing key): safeStorage or a 0600 file. */
  vault: SecretVault;
  users: UserAdminRepo;
  pinFailures: PinFailuresRepo;
  payments: PaymentsRepo;
  /** The stock ledger; the same instance the payment engine writes sales through. */
  stock: StockRepo;
  card: CardPaymentsService;
  refunds: RefundsService;
  /** Ends that user's session at every register (a manager disabled or re-PINned them). */
  endSessionOf: (userId: number) => void;
  preferences: PreferencesService;
  terminals: TerminalsService;
  /** Kushki's API for the configured environment, resolved per call. */
  gateway: () => PaymentGateway;
  /** The store's time zone (setting `store.timeZone`): every day of the office is a store day. */
  timeZone: () => StoreTimeZone;
  /** The receipt printer and the cash drawer (issue 15). */
  printing: Printing;
  /** The environment this start runs (boot chose it: a real store configured for demo runs dev). */
  runningEnvironment: KushkiEnvironmentName;
  /** The demo or the store's own books: a real store may never choose the demo environment. */
  storeKind: StoreKind;
  /** The manager signed in at this register (the `manager` channel policy guarantees one inside office handlers). */
  manager: () => number;
  /** The terminal settings as this register changes them (its own default; the store's list). */
  terminalsAdmin: TerminalsAdmin;
  /** The register whose office this is (issue 17): its shift, its drawer's cash. */
  registerId: number;
  /** The store's registers: one service for the whole store (its pairing code lives in it). */
  registers: RegistersService;
  /** Where the office's long operations report progress (an import's rows). */
  events: EventBus;
  /** The shell's listener for registers (issue 17), described for the Cajas tab. */
  registerServer: () => RegisterServerInfo;
}

/**
 * Builds every office service of one register, grouped by the area whose handlers call them: every
 * area but maintenance, which the register context wires from the host's control (issue 16).
 */
export function buildOffice(w: OfficeWiring): Omit<OfficeServices, 'maintenance'> {
  const { db, audit, clock, manager } = w;
  const { runningEnvironment, storeKind } = w;
  const productsRepo = new SqliteProductsAdminRepo(db);
  const registersRepo = new SqliteRegistersRepo(db);
  const catalogFiles = new SpreadsheetFiles();
  const shiftsRepo = new SqliteShiftsRepo(db, w.registerId);
  const stock = new StockService({ repo: w.stock, audit, clock, manager });
  return {
    transactions: {
      transactions: new TransactionsService({
        list: new SqliteTransactionsReadModel(db),
        detail: new SqlitePaymentDetailReadModel(db),
        choices: new SqliteFilterChoicesReadModel(db),
        terminals: w.terminals,
        timeZone: w.timeZone,
      }),
    },
    refunds: {
      openItems: new OpenItemsService({
        read: new SqliteOpenItemsReadModel(db),
        payments: w.payments,
        card: w.card,
        refunds: w.refunds,
        audit,
        clock,
      }),
      refunds: w.refunds,
      manager,
    },
    shifts: {
      shifts: new ShiftsService({
        repo: shiftsRepo,
        audit,
        clock,
        manager,
        timeZone: w.timeZone,
        drawer: w.printing.drawer,
        registerId: w.registerId,
      }),
      reports: new ReportsService({
        read: new SqliteReportsReadModel(db, w.timeZone),
        audit,
        clock,
        gateway: w.gateway,
        manager,
        storeName: () => w.preferences.storeName(),
        language: () => w.preferences.language(),
        timeZone: w.timeZone,
      }),
    },
    products: {
      products: new ProductsAdminService({ repo: productsRepo, audit, clock, manager }),
      imports: new CatalogImportService({
        repo: productsRepo,
        files: catalogFiles,
        audit,
        clock,
        actor: manager,
        events: w.events,
      }),
      exports: new CatalogExportService({
        repo: productsRepo,
        files: catalogFiles,
        audit,
        clock,
        actor: manager,
        timeZone: w.timeZone,
      }),
    },
    counterSettings: {
      settings: new CounterSettingsService({ settings: w.settings, audit, clock }),
      manager,
    },
    settings: {
      store: new StoreSettingsService({ settings: w.settings, audit, clock, runningEnvironment, storeKind }),
      secrets: new SecretsService({ vault: w.vault, audit, clock }),
      updates: new UpdateSettingsService({ settings: w.settings, audit, clock }),
      terminalsAdmin: new TerminalsAdminService({
        terminals: w.terminalsAdmin,
        gateway: w.gateway,
        audit,
        clock,
        manager,
      }),
      users: new UsersAdminService({
        users: w.users,
        failures: w.pinFailures,
        audit,
        clock,
        endSessionOf: w.endSessionOf,
      }),
      manager,
    },
    stock: { stock },
    returns: {
      returns: new ReturnsService({
        repo: new SqliteReturnsRepo(db),
        refunds: w.refunds,
        shifts: shiftsRepo,
        stock,
        audit,
        clock,
        drawer: w.printing.drawer,
        registerId: w.registerId,
      }),
      manager,
    },
    printer: {
      printing: w.printing.printing,
      drawer: w.printing.drawer,
      read: w.printing.read,
      save: w.printing.save,
      saveLogo: w.printing.saveLogo,
      manager,
      registerId: () => w.registerId,
      registerExists: (registerId) => registersRepo.get(registerId) !== undefined,
    },
    registers: { registers: w.registers, server: w.registerServer },
  };
}

/**
 * The store's registers (issue 17), built once: used by the store server's office channels and by
 * the register server (web/register-server.ts). Its manager is the store server's own counter's.
 */
export function buildRegisters(
  w: Pick<OfficeWiring, 'db' | 'audit' | 'clock' | 'manager' | 'events'>,
): RegistersService {
  return new RegistersService({
    repo: new SqliteRegistersRepo(w.db),
    codes: new PairingCodes({ clock: w.clock, randomBelow: (bound) => randomInt(bound) }),
    audit: w.audit,
    clock: w.clock,
    manager: w.manager,
    events: w.events,
  });
}
