import { relayDisabled } from '../../app/domain/relay-status';
import type { Handlers } from '../../app/api/dispatch';
import type { Cart } from '../../app/domain/sale';
import { transactionsTrivialHandlers } from './office/transactions.samples';
import { refundsTrivialHandlers } from './office/refunds.samples';
import { shiftsTrivialHandlers } from './office/shifts.samples';
import { settingsTrivialHandlers } from './office/settings.samples';
import { productsTrivialHandlers } from './office/products.samples';
import { returnsTrivialHandlers } from './office/returns.samples';
import { stockTrivialHandlers } from './office/stock.samples';
import { printerTrivialHandlers } from './office/printer.samples';
import { maintenanceTrivialHandlers } from './office/maintenance.samples';
import { counterItemsTrivialHandlers } from './counter-items.samples';
import { registersTrivialHandlers } from './office/registers.samples';

const emptyCart: Cart = {
  saleId: 1,
  lines: [],
  totals: { subtotal: 0, iva: 0, total: 0, ivaBreakdown: [], itemCount: 0 },
  updatedAt: 0,
};

/** A complete handler map with trivial answers, for dispatch tests that override one channel. */
export function trivialHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.info.get': () => ({
      name: 'Caja',
      version: 'test',
      shell: 'web',
      language: 'es-MX',
      storeName: 'Test',
      environment: 'demo',
      demoTerminalUrl: null,
      register: null,
      store: { kind: 'demo', realExists: false, timeZone: 'America/Mexico_City' },
    }),
    'app.demoTerminal.open': () => ({ opened: false }),
    'app.log.report': () => ({ correlationId: '00000000-0000-4000-8000-000000000000' }),
    'settings.language.set': ({ language }) => ({ language }),
    'catalog.categories.list': () => [],
    'catalog.products.search': () => [],
    'sales.cart.get': () => emptyCart,
    'sales.cart.addProduct': () => emptyCart,
    'sales.cart.scan': () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    'sales.cart.setQuantity': () => emptyCart,
    'sales.cart.removeLine': () => emptyCart,
    'sales.cart.clear': () => emptyCart,
    'sales.cart.setDiscount': () => emptyCart,
    'sales.cart.park': () => emptyCart,
    'sales.parked.list': () => [],
    'sales.receipt.get': () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    'sales.receipts.list': () => [],
    'sales.parked.recall': () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    'sales.tender.get': () => ({ saleId: 1, total: 0, paid: 0, due: 0, payments: [] }),
    'terminals.list': () => [],
    'payments.card.start': () => ({ ok: false, error: { code: 'conflict', message: 'empty' } }),
    'payments.cancel': () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    'payments.verify': () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    'payments.get': () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    'payments.cash.pay': () => ({ ok: false, error: { code: 'conflict', message: 'empty' } }),
    'payments.refund': () => ({ ok: false, error: { code: 'forbidden', message: 'pin' } }),
    'payments.notices.list': () => [],
    'payments.notices.acknowledge': () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    'relay.status.get': () => relayDisabled(),
    'sales.receipt.printOnTerminal': () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    'sales.receipt.print': () => ({ ok: false, error: { code: 'unavailable', message: 'no printer' } }),
    'sales.receipt.savePdf': () => ({ ok: false, error: { code: 'unavailable', message: 'web' } }),
    'demo.relay.setOnline': () => ({ ok: false, error: { code: 'not_found', message: 'not demo' } }),
    'session.users.list': () => [],
    'session.get': () => null,
    'session.signIn': () => ({ ok: false, error: { code: 'forbidden', message: 'pin' } }),
    'session.lock': () => null,
    'session.signOut': () => null,
    'store.setup.create': () => ({ ok: false, error: { code: 'unavailable', message: 'no host' } }),
    'store.switch': () => ({ ok: false, error: { code: 'unavailable', message: 'no host' } }),
    'store.join': () => ({ ok: false, error: { code: 'unavailable', message: 'no host' } }),
    ...transactionsTrivialHandlers,
    ...refundsTrivialHandlers,
    ...shiftsTrivialHandlers,
    ...settingsTrivialHandlers,
    ...productsTrivialHandlers,
    ...stockTrivialHandlers,
    ...printerTrivialHandlers,
    ...maintenanceTrivialHandlers,
    ...counterItemsTrivialHandlers,
    ...returnsTrivialHandlers,
    ...registersTrivialHandlers,
    ...overrides,
  };
}
