import type { ArgsOf, Channel } from '../../app/api/contract';
import { transactionsSampleArgs } from './office/transactions.samples';
import { refundsSampleArgs } from './office/refunds.samples';
import { shiftsSampleArgs } from './office/shifts.samples';
import { settingsSampleArgs } from './office/settings.samples';
import { productsSampleArgs } from './office/products.samples';
import { returnsSampleArgs } from './office/returns.samples';
import { stockSampleArgs } from './office/stock.samples';
import { printerSampleArgs } from './office/printer.samples';
import { maintenanceSampleArgs } from './office/maintenance.samples';
import { counterItemsSampleArgs } from './counter-items.samples';
import { registersSampleArgs } from './office/registers.samples';

/**
 * One valid argument per channel. Typed as a complete map, so adding a channel to the contract
 * fails to compile until the security spec knows how to call it.
 */
export function sampleArgs(ids: { productId: number; lineId: number; barcode: string; paymentId?: number }): {
  [C in Channel]: ArgsOf<C>;
} {
  return {
    'app.info.get': {},
    'app.demoTerminal.open': {},
    'app.log.report': { source: 'error', screen: '', message: 'sample' },
    'settings.language.set': { language: 'es-MX' },
    'catalog.categories.list': {},
    'catalog.products.search': { text: '' },
    'sales.cart.get': {},
    'sales.cart.addProduct': { productId: ids.productId },
    'sales.cart.scan': { code: ids.barcode },
    'sales.cart.setQuantity': { lineId: ids.lineId, quantity: 2 },
    'sales.cart.removeLine': { lineId: ids.lineId },
    'sales.cart.clear': {},
    'sales.cart.setDiscount': { lineId: ids.lineId, discountBp: 500 },
    'sales.cart.park': {},
    'sales.parked.list': {},
    'sales.receipt.get': { saleId: 1 },
    'sales.receipts.list': {},
    'sales.parked.recall': { saleId: 1 },
    'sales.tender.get': {},
    'terminals.list': {},
    'payments.card.start': {},
    'payments.cancel': { paymentId: ids.paymentId ?? 1 },
    'payments.verify': { paymentId: ids.paymentId ?? 1 },
    'payments.get': { paymentId: ids.paymentId ?? 1 },
    'payments.cash.pay': { tendered: 100_000 },
    'payments.refund': { paymentId: ids.paymentId ?? 1, managerPin: '9999' },
    'payments.notices.list': {},
    'payments.notices.acknowledge': { paymentId: ids.paymentId ?? 1 },
    'relay.status.get': {},
    'sales.receipt.printOnTerminal': { saleId: 1 },
    'sales.receipt.print': { saleId: 1 },
    'sales.receipt.savePdf': { saleId: 1 },
    'demo.relay.setOnline': { online: true },
    'session.users.list': {},
    'session.get': {},
    'session.signIn': { userId: 1, pin: '0000' },
    'session.lock': {},
    'session.signOut': {},
    // Valid for the schema, refused by the service (the RFC), so a sweep of every channel as a
    // manager creates no store; and a switch to the store already open changes nothing.
    'store.setup.create': {
      store: { name: 'Sweep', rfc: 'HOLA', address: '', timeZone: 'America/Mexico_City' },
      manager: { name: 'Sweep', pin: '4826' },
    },
    'store.switch': { to: 'demo' },
    'store.join': { serverUrl: 'https://127.0.0.1:7443', pairingCode: 'K7QMX-4R2P9', registerName: 'Caja 2' },
    ...transactionsSampleArgs,
    ...refundsSampleArgs,
    ...shiftsSampleArgs,
    ...settingsSampleArgs,
    ...productsSampleArgs,
    ...stockSampleArgs,
    ...printerSampleArgs,
    ...maintenanceSampleArgs,
    ...counterItemsSampleArgs(ids),
    ...returnsSampleArgs,
    ...registersSampleArgs,
  };
}
