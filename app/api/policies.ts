/**
 * Who may call each channel. [Note: channel policies]
 * Every contract entry declares `policy` next to its argument and result; `CHANNEL_POLICIES` is the
 * same information at run time, typed from the contract, so a channel without a policy, or a map that
 * disagrees with the contract, fails to compile. Dispatch checks the policy after validation and
 * before the handler (see createDispatch), so no handler can be reached without it and no handler
 * wraps itself in a guard. Universal code: no Node imports.
 *
 * - `none`: open. Reads (cart, tender, payment status) stay open so a locked screen still shows a
 *   payment in doubt.
 * - `session`: changes a sale or moves money, so it needs a signed-in user and an unlocked register:
 *   every such action has an actor. `payments.refund` is one: it checks a manager PIN, and without
 *   a session it would be an open prompt that anyone holding the page's token could use to lock
 *   every manager (issue 11 review).
 * - `manager`: see [Note: the office needs a manager].
 *
 * [Note: the office needs a manager]
 * Every `office.*` channel — reads included, since the day's figures and the payment timelines are
 * a manager's business — answers `session_required` with nobody signed in or the register locked,
 * and `forbidden` to a cashier. A compile-time check below keeps every `office.*` channel `manager`,
 * so a new office channel cannot be added without it.
 *
 * [Note: who may switch stores]
 * `store.setup.create` and `store.switch` are `manager`. Starting the wizard from the demo needs the
 * demo's manager (Luis, 9999, a PIN everyone knows): not a secret, but it keeps a cashier's stray
 * click at the sign-in screen from creating stores or taking the register out of its store, and the
 * wizard can run only while no real store exists (the host refuses a second one), so the public PIN
 * can never replace or reach a real store's books: the real store opens on its own sign-in, with
 * its own manager's PIN. Going from the real store to the demo for training needs the real
 * store's manager, so a cashier cannot leave the shop's register in training mode mid-day.
 * `store.join` (issue 17) is the wizard's other way: the same demo-only rule, so joining a store
 * server can never replace a real store's books either.
 */
import type { Channel, InvokeContract } from './contract';
import { PRINTER_CHANNELS } from './office/printer.contract';
import { PRODUCTS_CHANNELS } from './office/products.contract';
import { REFUNDS_CHANNELS } from './office/refunds.contract';
import { SETTINGS_CHANNELS } from './office/settings.contract';
import { SHIFTS_CHANNELS } from './office/shifts.contract';
import { RETURNS_CHANNELS } from './office/returns.contract';
import { STOCK_CHANNELS } from './office/stock.contract';
import { REGISTERS_CHANNELS } from './office/registers.contract';
import { TRANSACTIONS_CHANNELS } from './office/transactions.contract';
import { MAINTENANCE_CHANNELS } from './office/maintenance.contract';
import type { AppError } from '../domain/result';
import type { SessionView } from '../domain/session';

/** What a channel needs from the caller: nothing, a signed-in user, or a signed-in manager. */
export type Policy = 'none' | 'session' | 'manager';

/** The policy a channel declares in the contract. */
export type PolicyOf<C extends Channel> = InvokeContract[C]['policy'];

/** Every channel's policy at run time; must match the contract channel by channel. */
export type ChannelPolicies = { readonly [C in Channel]: PolicyOf<C> };

/** The `office.*` channels: all `manager`, by [Note: the office needs a manager]. */
function managerOnly<const T extends readonly Channel[]>(channels: T): { [C in T[number]]: 'manager' } {
  return Object.fromEntries(channels.map((channel) => [channel, 'manager'])) as {
    [C in T[number]]: 'manager';
  };
}

/** The policy of every channel, as the contract declares it. */
export const CHANNEL_POLICIES: ChannelPolicies = {
  'app.info.get': 'none',
  'app.demoTerminal.open': 'none',
  // Open so a crash at the sign-in screen is logged too; validated and rate-limited.
  'app.log.report': 'none',
  'settings.language.set': 'none',
  'catalog.categories.list': 'none',
  'catalog.products.search': 'none',
  'sales.cart.get': 'none',
  'sales.cart.addProduct': 'session',
  'sales.cart.scan': 'session',
  'sales.cart.setQuantity': 'session',
  'sales.cart.removeLine': 'session',
  'sales.cart.clear': 'session',
  'sales.cart.setDiscount': 'session',
  'sales.cart.park': 'session',
  'sales.parked.list': 'none',
  'sales.parked.recall': 'session',
  'sales.receipt.get': 'none',
  'sales.receipts.list': 'none',
  'sales.receipt.savePdf': 'none',
  'sales.receipt.printOnTerminal': 'none',
  'sales.receipt.print': 'session',
  'demo.relay.setOnline': 'none',
  'sales.tender.get': 'none',
  'terminals.list': 'none',
  'payments.card.start': 'session',
  'payments.cancel': 'session',
  'payments.verify': 'none',
  'payments.get': 'none',
  'payments.cash.pay': 'session',
  'payments.refund': 'session',
  'sales.returns.get': 'session',
  'sales.returns.create': 'session',
  'payments.notices.list': 'none',
  'payments.notices.acknowledge': 'session',
  'relay.status.get': 'none',
  'session.users.list': 'none',
  'session.get': 'none',
  'session.signIn': 'none',
  'session.lock': 'none',
  'session.signOut': 'none',
  ...managerOnly(TRANSACTIONS_CHANNELS),
  ...managerOnly(REFUNDS_CHANNELS),
  ...managerOnly(SHIFTS_CHANNELS),
  ...managerOnly(SETTINGS_CHANNELS),
  ...managerOnly(PRODUCTS_CHANNELS),
  ...managerOnly(STOCK_CHANNELS),
  ...managerOnly(PRINTER_CHANNELS),
  ...managerOnly(MAINTENANCE_CHANNELS),
  ...managerOnly(RETURNS_CHANNELS),
  ...managerOnly(REGISTERS_CHANNELS),
  // See [Note: who may switch stores].
  'store.setup.create': 'manager',
  'store.switch': 'manager',
  'store.join': 'manager',
  'sales.cart.addWeighed': 'session',
  'sales.cart.addOpenPrice': 'session',
  'office.settings.counter.get': 'manager',
  'office.settings.counter.save': 'manager',
};

// Compile-time checks, as channels.ts does its lists: every declared policy is one of the three, and
// every office channel is `manager`.
type OfficeChannel = Extract<Channel, `office.${string}`>;
const policiesKnown: [PolicyOf<Channel>] extends [Policy] ? true : never = true;
const officeNeedsManager: [PolicyOf<OfficeChannel>] extends ['manager'] ? true : never = true;
void policiesKnown;
void officeNeedsManager;

/** Decides whether the current caller meets a policy: null to go on, or the error to answer. */
export type Authorize = (policy: Policy) => AppError | null;

/** What the authorizer reads of the session (the SessionService satisfies it). */
export interface SessionReader {
  /** The signed-in, unlocked user's id, or null. */
  actor(): number | null;
  /** The session, locked or not, or null when nobody is signed in. */
  get(): SessionView | null;
}

/** The authorizer over the register's session, with the codes and messages the renderer expects. */
export function authorizeBySession(session: SessionReader): Authorize {
  return (policy) => {
    switch (policy) {
      case 'none':
        return null;
      case 'session':
        return session.actor() === null ? { code: 'session_required', message: 'Sign in to do this.' } : null;
      case 'manager': {
        const current = session.get();
        if (!current || current.locked) {
          return { code: 'session_required', message: 'Sign in as a manager to do this.' };
        }
        return current.user.role === 'manager'
          ? null
          : { code: 'forbidden', message: 'Only a manager can do this.' };
      }
    }
  };
}
