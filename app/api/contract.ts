/**
 * The one API contract between the renderer and the trusted side (house style, principle 2).
 * Both transports (Electron IPC and the web shell's loopback WebSocket) carry exactly this.
 * Channel names are `area.noun.verb`; events are past tense. Every argument is one object.
 */
import type { RegisterView } from '../domain/registers';
import type { Category, Product } from '../domain/catalog';
import type { Cart, ParkedSale } from '../domain/sale';
import type { Result } from '../domain/result';
import type { Language } from '../domain/language';
import type { CashResult, PaymentDetail, PaymentView, TenderSummary } from '../domain/payment-view';
import type { PaymentNotice } from '../domain/payment-notice';
import type { RelayStatus } from '../domain/relay-status';
import type { SessionView, UserSummary } from '../domain/session';
import type { Receipt, ReceiptSummary } from '../domain/receipt';
import type { TerminalView } from '../domain/terminal';
import type { PrinterContract } from './office/printer.contract';
import type { ProductsContract } from './office/products.contract';
import type { RefundsContract } from './office/refunds.contract';
import type { SettingsContract } from './office/settings.contract';
import type { ShiftsContract } from './office/shifts.contract';
import type { CounterReturnsContract, ReturnsContract } from './office/returns.contract';
import type { StockContract } from './office/stock.contract';
import type { RegistersContract } from './office/registers.contract';
import type { TransactionsContract } from './office/transactions.contract';
import type { MaintenanceContract } from './office/maintenance.contract';
import type { StoreContract } from './store/store.contract';
import type { CounterItemsContract } from './counter/counter-items.contract';
import type { StoreInfo, StoreKind } from '../domain/store-setup';
import type { PrintJobView } from '../domain/printer';
import type { ImportProgress } from '../domain/products/products-admin';
import type { RegisterLinkView } from '../domain/registers';

// Types the services also use live in domain (services never import api); re-exported so every
// existing import from the contract keeps compiling.
export type { Language } from '../domain/language';
export type { TerminalView } from '../domain/terminal';
export type { CashResult } from '../domain/payment-view';

/** Which shell is hosting the core. The renderer only shows it; it never branches on it. */
export type ShellKind = 'electron' | 'web';

/** A renderer error as the page reports it (bounded sizes: see the schema). */
export interface RendererErrorReport {
  source: 'boundary' | 'error' | 'unhandledrejection';
  /** Which screen's boundary caught it (counter, office tab, sign-in), or '' for window-level errors. */
  screen: string;
  message: string;
  stack?: string | undefined;
  /** The correlation id of an `internal` reply the page had, when the error came from one. */
  relatedCorrelationId?: string | undefined;
}

/** What the renderer may know about the running app. No paths, no secrets. */
export interface AppInfo {
  name: 'Caja';
  version: string;
  shell: ShellKind;
  language: Language;
  storeName: string;
  /** demo: the in-process simulator, no real money; dev: Kushki's test host; live: real money. */
  environment: 'demo' | 'dev' | 'live';
  /** In demo, the virtual terminal's page (on 127.0.0.1) where the trainee taps approve or decline. */
  demoTerminalUrl: string | null;
  /** Which store is open (demo or real), whether the real one exists, and its time zone. */
  store: StoreInfo;
  /** On a joined register (issue 17): its id, name, store server and link; null on the store server. */
  register: RegisterLinkView | null;
}

/**
 * Renderer → trusted side requests. Each channel names its policy, its argument and its result
 * (see [Note: channel policies]). The manager's office (issue 7) declares its `office.*` channels per
 * area in ./office, all `manager`.
 */
export interface InvokeContract
  extends
    TransactionsContract,
    RefundsContract,
    ShiftsContract,
    SettingsContract,
    ProductsContract,
    StockContract,
    PrinterContract,
    MaintenanceContract,
    StoreContract,
    ReturnsContract,
    CounterReturnsContract,
    RegistersContract,
    CounterItemsContract {
  'app.info.get': { policy: 'none'; args: Record<string, never>; result: AppInfo };
  /** Electron only: asks main to open the demo's virtual terminal page (exactly that loopback URL) in the browser. */
  'app.demoTerminal.open': { policy: 'none'; args: Record<string, never>; result: { opened: boolean } };
  /**
   * A renderer error (an error boundary, `window.onerror`, an unhandled rejection) written to the
   * trusted side's log under a fresh correlation id, which the page shows. Open (`none`): a crash on the
   * sign-in screen must reach the log too; validated and rate-limited (see log-report.handlers.ts).
   */
  'app.log.report': { policy: 'none'; args: RendererErrorReport; result: { correlationId: string } };
  'settings.language.set': { policy: 'none'; args: { language: Language }; result: { language: Language } };
  'catalog.categories.list': { policy: 'none'; args: Record<string, never>; result: Category[] };
  'catalog.products.search': {
    policy: 'none';
    args: { text: string; category?: string | undefined; limit?: number | undefined };
    result: Product[];
  };
  'sales.cart.get': { policy: 'none'; args: Record<string, never>; result: Cart };
  'sales.cart.addProduct': {
    policy: 'session';
    args: { productId: number; quantity?: number | undefined };
    result: Cart;
  };
  /**
   * Adds the product whose barcode or SKU is exactly `code`, or the one a scale label names (by its
   * weight or price); a product sold by weight scanned by its own code is not added: `needsWeight`.
   */
  'sales.cart.scan': {
    policy: 'session';
    args: { code: string };
    result: { cart: Cart; product: Product; needsWeight?: boolean | undefined };
  };
  'sales.cart.setQuantity': { policy: 'session'; args: { lineId: number; quantity: number }; result: Cart };
  'sales.cart.removeLine': { policy: 'session'; args: { lineId: number }; result: Cart };
  'sales.cart.clear': { policy: 'session'; args: Record<string, never>; result: Cart };
  /** Discount on one line in basis points (1000 = 10 %); above the store's limit a manager approves. */
  'sales.cart.setDiscount': {
    policy: 'session';
    args: { lineId: number; discountBp: number; managerPin?: string | undefined };
    result: Cart;
  };
  /** Puts the open sale on hold (before any payment) and returns the new, empty cart. */
  'sales.cart.park': { policy: 'session'; args: Record<string, never>; result: Cart };
  'sales.parked.list': { policy: 'none'; args: Record<string, never>; result: ParkedSale[] };
  /** Makes a parked sale the open one; the current sale is put on hold unless it is empty. */
  'sales.parked.recall': { policy: 'session'; args: { saleId: number }; result: Cart };
  /** The receipt of a completed sale, from stored data (for printing and reprinting). */
  'sales.receipt.get': { policy: 'none'; args: { saleId: number }; result: Receipt };
  /** The latest completed sales, most recent first. */
  'sales.receipts.list': { policy: 'none'; args: { limit?: number | undefined }; result: ReceiptSummary[] };
  /** Desktop: saves the shown receipt as a PDF where the user chooses; `unavailable` in the web shell. */
  'sales.receipt.savePdf': { policy: 'none'; args: { saleId: number }; result: { saved: boolean } };
  /** Prints a past sale's receipt on a Kushki terminal (print-ticket); a failure never touches the sale. */
  'sales.receipt.printOnTerminal': {
    policy: 'none';
    args: { saleId: number; terminalSerial?: string | undefined };
    result: { printed: true; terminalSerial: string };
  };
  /**
   * Prints a past sale's ticket on the store's receipt printer now and says how it went (a failed
   * job is a value, not an error); `unavailable` with no printer set up: use the print dialog.
   */
  'sales.receipt.print': { policy: 'session'; args: { saleId: number }; result: PrintJobView };
  /** Demo only: takes the in-process relay down or brings it back, so a trainee sees an outage. */
  'demo.relay.setOnline': { policy: 'none'; args: { online: boolean }; result: { online: boolean } };
  /** What the open sale has received and still needs, with its payments. */
  'sales.tender.get': { policy: 'none'; args: Record<string, never>; result: TenderSummary };
  'terminals.list': { policy: 'none'; args: Record<string, never>; result: TerminalView[] };
  /** Starts a card payment for the open sale; amount defaults to what is due (less for split tender). */
  'payments.card.start': {
    policy: 'session';
    args: {
      terminalSerial?: string | undefined;
      amount?: number | undefined;
      tip?: number | undefined;
      msi?: number | undefined;
    };
    result: PaymentView;
  };
  'payments.cancel': { policy: 'session'; args: { paymentId: number }; result: PaymentView };
  /** Asks Kushki's get-status now instead of waiting for the schedule. */
  'payments.verify': { policy: 'none'; args: { paymentId: number }; result: PaymentView };
  'payments.get': { policy: 'none'; args: { paymentId: number }; result: PaymentDetail };
  'payments.cash.pay': {
    policy: 'session';
    args: { tendered: number; amount?: number | undefined };
    result: CashResult;
  };
  /** Refunds an approved card payment in full; needs a manager's PIN. */
  'payments.refund': {
    policy: 'session';
    args: { paymentId: number; managerPin: string };
    result: PaymentView;
  };
  /**
   * Payments in doubt when Caja stopped that have resolved since, until a cashier acknowledges each.
   * See [Note: payments in doubt at start-up].
   */
  'payments.notices.list': { policy: 'none'; args: Record<string, never>; result: PaymentNotice[] };
  /** The cashier has seen how the payment ended; answers the notices left. */
  'payments.notices.acknowledge': { policy: 'session'; args: { paymentId: number }; result: PaymentNotice[] };
  /** Users who may sign in here: names and roles, never PIN hashes. */
  'session.users.list': { policy: 'none'; args: Record<string, never>; result: UserSummary[] };
  /** Who is at the register (null: nobody). See [Note: one session per register]. */
  'session.get': { policy: 'none'; args: Record<string, never>; result: SessionView | null };
  /**
   * Signs in, unlocks, or switches user. Wrong PINs in a row slow that user down (`rate_limited`) and
   * the tenth locks them (`user_locked`) until a manager unlocks. See [Note: PIN failures per target].
   */
  'session.signIn': { policy: 'none'; args: { userId: number; pin: string }; result: SessionView };
  'session.lock': { policy: 'none'; args: Record<string, never>; result: SessionView | null };
  'session.signOut': { policy: 'none'; args: Record<string, never>; result: null };
  /** The relay connection, for the status bar. */
  'relay.status.get': { policy: 'none'; args: Record<string, never>; result: RelayStatus };
}

/** Trusted side → renderer pushes. */
export interface EventContract {
  'sales.cart.updated': Cart;
  'settings.language.changed': { language: Language };
  'payments.updated': PaymentView;
  'sales.completed': { saleId: number };
  /** What the open sale owes, after anything that may have changed it (payments, cart, park, recall). */
  'sales.tender.updated': TenderSummary;
  /** A payment in doubt at start-up resolved, or a notice was acknowledged: ask for the list again. */
  'payments.notices.changed': { count: number };
  'relay.statusChanged': RelayStatus;
  /** A print job (ticket, test page, drawer kick) printed or failed. See [Note: printing never blocks a sale]. */
  'printer.job.finished': PrintJobView;
  'session.changed': SessionView | null;
  /** The host opened the other store (demo or real): every page reloads its state from scratch. */
  'app.store.switched': { kind: StoreKind };
  /** A catalog import's preview or commit is under way. See ImportProgress. */
  'office.products.importProgress': ImportProgress;
  /** A joined register's link to the store server went up, down, or was revoked (issue 17, item 4). */
  'register.link.changed': RegisterLinkView;
  /** A register paired with this store server (issue 17): the Cajas tab lists it and retires the code. */
  'office.registers.paired': RegisterView;
}

/** Any request channel. */
export type Channel = keyof InvokeContract;
/** Any event name. */
export type EventName = keyof EventContract;
/** The argument of a channel. */
export type ArgsOf<C extends Channel> = InvokeContract[C]['args'];
/** The success value of a channel. */
export type ValueOf<C extends Channel> = InvokeContract[C]['result'];
/** What every call resolves to, on both transports. */
export type Reply<C extends Channel> = Result<ValueOf<C>>;

/** The object both bridges expose as `window.caja`, and nothing else. */
export interface CajaApi {
  invoke<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Reply<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventContract[E]) => void): () => void;
  readonly channels: readonly Channel[];
  readonly events: readonly EventName[];
}
