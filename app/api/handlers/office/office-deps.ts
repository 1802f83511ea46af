import type { Database } from 'better-sqlite3';
import type { ShellKind } from '../../contract';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { EventBus } from '../../../ports/event-bus.port';
import type { Logger } from '../../../ports/logger.port';
import type { PaymentGateway } from '../../../ports/payment-gateway.port';
import type { PaymentsRepo } from '../../../ports/payments.port';
import type { SalesRepo } from '../../../ports/sales.port';
import type { SecretStore, SettingsRepo } from '../../../ports/settings.port';
import type { SecretVault } from '../../../ports/secret-vault.port';
import type { UsersRepo } from '../../../ports/users.port';
import type { CardPaymentsService } from '../../../services/payments/card-payments.service';
import type { PaymentEngine } from '../../../services/payments/payment-engine';
import type { RefundsService } from '../../../services/payments/refunds.service';
import type { PreferencesService } from '../../../services/preferences.service';
import type { SessionService } from '../../../services/session.service';
import type { TerminalsService } from '../../../services/terminals.service';

/**
 * Everything the manager's office handlers may build on, built once by the composition root
 * (create-core). Each office area constructs its own services and read models from these, so the
 * areas never edit each other's wiring. Every `office.*` channel is already behind requireManager.
 */
export interface OfficeDeps {
  /** The store's database, for read models (reports, transaction lists) kept in app/infra/db. */
  db: Database;
  dataDir: string;
  shell: ShellKind;
  clock: Clock;
  events: EventBus;
  logger: Logger;
  audit: AuditLog;
  settings: SettingsRepo;
  secrets: SecretStore;
  /** The write-only secrets (Kushki key, relay token and signing key): safeStorage or a 0600 file. */
  vault: SecretVault;
  users: UsersRepo;
  sales: SalesRepo;
  payments: PaymentsRepo;
  engine: PaymentEngine;
  card: CardPaymentsService;
  refunds: RefundsService;
  session: SessionService;
  preferences: PreferencesService;
  terminals: TerminalsService;
  /** Kushki's API for the configured environment, resolved per call. */
  gateway: () => PaymentGateway;
  /** The manager signed in at this register (requireManager guarantees one inside office handlers). */
  manager: () => number;
}
