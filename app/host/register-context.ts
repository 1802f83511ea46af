/**
 * One register's part of the core (issue 17, deliverable 3). [Note: register context]
 * The store's book is one: catalog, payments and their engine, printing, settings, the registers.
 * What a counter owns is built here, once per register id, over that book: its session (sign-in,
 * lock, idle lock, the approvals typed at it), its open and parked sales, its tender and card
 * payments, its default terminal, its shift and drawer's cash, its office (whose manager is the one
 * signed in at it), and an audit log whose rows carry it. Its events go to its own subscribers only
 * (see [Note: events per register]). create-core builds the store's part once and these lazily.
 */
import type { Database } from 'better-sqlite3';
import { fail, ok } from '../domain/result';
import { appHandlers, type DemoControls } from '../api/handlers/app.handlers';
import { catalogHandlers } from '../api/handlers/catalog.handlers';
import { paymentsHandlers } from '../api/handlers/payments.handlers';
import { salesHandlers } from '../api/handlers/sales.handlers';
import { counterItemsHandlers } from '../api/handlers/counter-items.handlers';
import { sessionHandlers } from '../api/handlers/session.handlers';
import { officeHandlers } from '../api/handlers/office';
import { counterReturnsHandlers } from '../api/handlers/office/returns.handlers';
import { storeHandlers } from '../api/handlers/store.handlers';
import { logReportHandlers } from '../api/handlers/log-report.handlers';
import { createDispatch, type Dispatch, type Handlers } from '../api/dispatch';
import { authorizeBySession } from '../api/policies';
import { isChannel } from '../api/channels';
import type { RelayStatus } from '../domain/relay-status';
import { SERVER_REGISTER_ID } from '../domain/registers';
import { auditAtRegister } from '../infra/db/audit.repo';
import { SqliteSalesRepo } from '../infra/db/sales.repo';
import type { AuditLog } from '../ports/audit.port';
import type { EventBus } from '../ports/event-bus.port';
import { CartService, type CartDeps } from '../services/cart.service';
import { CatalogService } from '../services/catalog.service';
import { CounterItemsService } from '../services/counter-items.service';
import { readOpenPriceLimit, readScaleLabels } from '../services/office/settings/counter-settings.service';
import { readDiscountLimitBp } from '../services/office/settings/store-settings.service';
import { CardPaymentsService } from '../services/payments/card-payments.service';
import { RefundsService } from '../services/payments/refunds.service';
import { TenderService } from '../services/payments/tender.service';
import { announceTender } from '../services/payments/tender-news';
import { ReceiptsService } from '../services/receipts.service';
import { RegisterTerminals } from '../services/register-terminals';
import { SessionService } from '../services/session.service';
import { TerminalPrintService } from '../services/terminal-print.service';
import { buildOffice, type OfficeWiring } from './build-office';
import type { CoreOptions } from './create-core';
import type { CatalogRepo } from '../ports/catalog.port';
import type { PaymentsRepo } from '../ports/payments.port';
import type { PinFailuresRepo, UserAdminRepo, UsersRepo } from '../ports/users.port';
import type { Timers } from '../ports/timers.port';
import type { RefundsRepo } from '../ports/refunds.port';
import type { PaymentEngine } from '../services/payments/payment-engine';
import type { CardPushes } from '../services/payments/card-pushes';
import type { RefundSettlement } from '../services/payments/refund-settlement';
import type { PaymentNoticesService } from '../services/payments/payment-notices.service';
import type { ReceiptHeader } from '../domain/receipt';
import type { PaperWidth } from '../domain/printer';
import type { StoreKind } from '../domain/store-setup';
import type { KushkiEnvironmentName } from '../domain/office/settings';

/** What the store builds once and every register's context shares. */
export interface StoreParts extends Omit<
  OfficeWiring,
  'audit' | 'manager' | 'registerId' | 'card' | 'refunds' | 'users' | 'pinFailures' | 'terminalsAdmin'
> {
  db: Database;
  options: CoreOptions;
  /** The store's audit log; each register writes through its own wrapper. */
  audit: AuditLog;
  users: UserAdminRepo & UsersRepo;
  pinFailures: PinFailuresRepo;
  timers: Timers;
  catalog: CatalogRepo;
  payments: PaymentsRepo;
  refundsRepo: RefundsRepo;
  engine: PaymentEngine;
  pushes: CardPushes;
  settlement: RefundSettlement;
  notices: PaymentNoticesService;
  /** The event bus of register `registerId` (see [Note: events per register]). */
  busFor(registerId: number): EventBus;
  header: () => ReceiptHeader;
  /** The paper of the printer of the register that rang sale `saleId` up. */
  paperWidth: (saleId: number) => PaperWidth;
  demo: () => DemoControls | null;
  relayStatus: () => RelayStatus;
  runningEnvironment: KushkiEnvironmentName;
  storeKind: StoreKind;
}

/** One register's running part of the core. */
export interface RegisterContext {
  registerId: number;
  session: SessionService;
  /** The register's dispatch: every call counts as use for its idle lock. */
  dispatch: Dispatch;
  /** Verifies every payment in doubt (start-up reconciliation); any register's serves the store. */
  reconcile(): Promise<void>;
  stop(): void;
}

/** The register's refusal of the store-level channels only the store server's own counter has. */
const SERVER_ONLY: readonly (keyof Handlers)[] = [
  'office.registers.pairingCode.create',
  'office.registers.list',
  'office.registers.rename',
  'office.registers.revoke',
];

/** Builds register `registerId`'s services, handlers and dispatch over the store's parts. */
export function buildRegisterContext(store: StoreParts, registerId: number): RegisterContext {
  const { clock, settings, options } = store;
  const events = store.busFor(registerId);
  const audit = auditAtRegister(store.audit, registerId);
  const sales = new SqliteSalesRepo(store.db, registerId);
  const session = new SessionService({
    users: store.users,
    failures: store.pinFailures,
    clock,
    events,
    audit,
    timers: store.timers,
  });
  const actor = () => session.actor();
  const approveManager = (pin: string) => session.approveAsManager(pin);
  const terminals = new RegisterTerminals({ terminals: store.terminals, settings, clock, registerId });
  const tender = new TenderService({ engine: store.engine, payments: store.payments, sales, audit });
  const stopTender = announceTender(events, tender);
  const card = new CardPaymentsService({
    engine: store.engine,
    pushes: store.pushes,
    tender,
    terminals,
    payments: store.payments,
    audit,
    logger: options.logger,
    ttlSeconds: options.ttlSeconds,
    gateway: store.gateway,
  });
  const cartDeps: CartDeps = {
    catalog: store.catalog,
    sales,
    audit,
    events,
    clock,
    isLocked: (saleId) => tender.isLocked(saleId),
    actor,
    discounts: {
      limitBp: () => readDiscountLimitBp(settings),
      managerOnDuty: () => {
        const current = session.get();
        return current && !current.locked && current.user.role === 'manager' ? current.user.id : null;
      },
      approveManager,
    },
  };
  const cart = new CartService(cartDeps);
  const counterItems = new CounterItemsService({
    ...cartDeps,
    cart,
    scaleLabels: () => readScaleLabels(settings),
    openPriceLimit: () => readOpenPriceLimit(settings),
  });
  const receipts = new ReceiptsService({
    sales,
    payments: store.payments,
    users: store.users,
    header: store.header,
    timeZone: store.timeZone,
    paperWidth: store.paperWidth,
  });
  const terminalPrint = new TerminalPrintService({
    receipts,
    terminals,
    printer: () => options.printer?.(),
    audit,
    clock,
  });
  const refunds = new RefundsService({
    engine: store.engine,
    settlement: store.settlement,
    payments: store.payments,
    refunds: store.refundsRepo,
    audit,
    users: { nameOf: (userId) => store.users.nameOf(userId), approveManager },
  });
  const manager = () => {
    // Dispatch checks the office channels' manager policy first, so this is a bug if it ever
    // happens: fail loudly rather than attribute the action to nobody.
    const id = session.actor();
    if (id === null) throw new Error('an office handler ran with nobody signed in');
    return id;
  };
  // Register 0's default is the store's (the fallback of every other register); another register's is its own.
  const terminalsAdmin = registerId === SERVER_REGISTER_ID ? store.terminals : terminals.admin();
  const office = buildOffice({ ...store, audit, manager, registerId, card, refunds, terminalsAdmin });
  const handlers: Handlers = {
    ...appHandlers({
      preferences: store.preferences,
      shell: options.shell,
      version: process.env.CAJA_VERSION ?? '0.0.0-dev',
      environment: () => store.runningEnvironment,
      demo: store.demo,
      openExternal: options.openExternal,
      store: () => ({
        kind: store.storeKind,
        realExists: store.storeKind === 'real' || (options.store?.realExists() ?? false),
        timeZone: store.timeZone(),
      }),
    }),
    ...storeHandlers(() => options.store),
    ...catalogHandlers(new CatalogService(store.catalog)),
    ...salesHandlers(cart),
    ...counterItemsHandlers(counterItems),
    ...paymentsHandlers({
      card,
      tender,
      refunds,
      terminals,
      payments: store.payments,
      notices: store.notices,
      actor,
    }),
    ...sessionHandlers(session),
    ...counterReturnsHandlers(office.returns.returns, approveManager),
    'sales.receipt.get': ({ saleId }) => receipts.receipt(saleId),
    'sales.receipts.list': ({ limit }) => receipts.recent(limit),
    'relay.status.get': () => store.relayStatus(),
    'sales.receipt.savePdf': async ({ saleId }) => {
      const receipt = receipts.receipt(saleId);
      if (!receipt.ok) return receipt;
      // The browser's print dialog saves PDFs in the web shell; only the desktop app has its own.
      if (!options.saveReceiptPdf) return fail('unavailable', 'Use the print dialog to save a PDF.');
      return ok({ saved: await options.saveReceiptPdf(saleId) });
    },
    'sales.receipt.printOnTerminal': ({ saleId, terminalSerial }) =>
      terminalPrint.print(saleId, terminalSerial, actor()),
    'sales.receipt.print': ({ saleId }) => store.printing.printing.print(saleId),
    ...logReportHandlers({ logger: options.logger, clock }),
    ...officeHandlers({
      ...office,
      maintenance: {
        control: () => options.maintenance,
        approveManager,
        audit,
        clock,
        manager,
      },
    }),
  };
  // A counter cancels only its own customers' card payments; the office's refunds stay store-wide.
  const cancel = handlers['payments.cancel'];
  handlers['payments.cancel'] = (args) => {
    const payment = store.payments.get(args.paymentId);
    if (payment && sales.registerOf(payment.saleId) !== registerId) {
      return fail('not_found', `No card payment ${args.paymentId} at this register`);
    }
    return cancel(args);
  };
  if (registerId !== SERVER_REGISTER_ID) {
    // Pairing, renaming and revoking registers is done at the store server, where the code is shown:
    // a paired PC never manages the registers (it could otherwise revoke the others or pair more).
    for (const channel of SERVER_ONLY) {
      (handlers as Record<string, unknown>)[channel] = () =>
        fail('forbidden', 'Registers are managed at the store server.');
    }
  }
  const dispatchCall = createDispatch(handlers, options.logger, authorizeBySession(session));
  return {
    registerId,
    session,
    dispatch: (channel, args) => {
      // Every contract call counts as use of the register for the trusted side's idle lock.
      if (isChannel(channel)) session.noteActivity();
      return dispatchCall(channel, args);
    },
    reconcile: () => card.reconcileAll(),
    stop: () => {
      stopTender();
      session.stop();
    },
  };
}
