/**
 * Runtime lists of the contract's names, used by both bridges to refuse anything else before it
 * leaves the renderer. The checks below fail to compile if a list and the contract disagree.
 */
import type { Channel, EventName } from './contract';
import { PRINTER_CHANNELS } from './office/printer.contract';
import { PRODUCTS_CHANNELS } from './office/products.contract';
import { REFUNDS_CHANNELS } from './office/refunds.contract';
import { SETTINGS_CHANNELS } from './office/settings.contract';
import { SHIFTS_CHANNELS } from './office/shifts.contract';
import { COUNTER_RETURNS_CHANNELS, RETURNS_CHANNELS } from './office/returns.contract';
import { STOCK_CHANNELS } from './office/stock.contract';
import { REGISTERS_CHANNELS } from './office/registers.contract';
import { TRANSACTIONS_CHANNELS } from './office/transactions.contract';
import { STORE_CHANNELS } from './store/store.contract';
import { MAINTENANCE_CHANNELS } from './office/maintenance.contract';
import { COUNTER_ITEMS_CHANNELS } from './counter/counter-items.contract';

/** Every request channel, in review order. */
export const INVOKE_CHANNELS = [
  'app.info.get',
  'app.demoTerminal.open',
  'app.log.report',
  'settings.language.set',
  'catalog.categories.list',
  'catalog.products.search',
  'sales.cart.get',
  'sales.cart.addProduct',
  'sales.cart.scan',
  'sales.cart.setQuantity',
  'sales.cart.removeLine',
  'sales.cart.clear',
  'sales.cart.setDiscount',
  'sales.cart.park',
  'sales.parked.list',
  'sales.parked.recall',
  'sales.receipt.get',
  'sales.receipts.list',
  'sales.receipt.savePdf',
  'sales.receipt.printOnTerminal',
  'sales.receipt.print',
  'demo.relay.setOnline',
  'sales.tender.get',
  'terminals.list',
  'payments.card.start',
  'payments.cancel',
  'payments.verify',
  'payments.get',
  'payments.cash.pay',
  'payments.refund',
  'payments.notices.list',
  'payments.notices.acknowledge',
  'relay.status.get',
  'session.users.list',
  'session.get',
  'session.signIn',
  'session.lock',
  'session.signOut',
  ...TRANSACTIONS_CHANNELS,
  ...REFUNDS_CHANNELS,
  ...SHIFTS_CHANNELS,
  ...SETTINGS_CHANNELS,
  ...PRODUCTS_CHANNELS,
  ...STOCK_CHANNELS,
  ...PRINTER_CHANNELS,
  ...MAINTENANCE_CHANNELS,
  ...RETURNS_CHANNELS,
  ...COUNTER_RETURNS_CHANNELS,
  ...REGISTERS_CHANNELS,
  ...STORE_CHANNELS,
  ...COUNTER_ITEMS_CHANNELS,
] as const satisfies readonly Channel[];

/** Every event name. */
export const EVENT_NAMES = [
  'sales.cart.updated',
  'settings.language.changed',
  'payments.updated',
  'sales.completed',
  'sales.tender.updated',
  'payments.notices.changed',
  'relay.statusChanged',
  'printer.job.finished',
  'session.changed',
  'app.store.switched',
  'office.products.importProgress',
  'register.link.changed',
  'office.registers.paired',
] as const satisfies readonly EventName[];

type Exhaustive<Listed, All> = [Exclude<All, Listed>] extends [never]
  ? true
  : { missing: Exclude<All, Listed> };
const channelsComplete: Exhaustive<(typeof INVOKE_CHANNELS)[number], Channel> = true;
const eventsComplete: Exhaustive<(typeof EVENT_NAMES)[number], EventName> = true;
void channelsComplete;
void eventsComplete;

/** True when `name` is a contract channel. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(name);
}

/** True when `name` is a contract event. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
