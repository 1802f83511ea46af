/**
 * zod schemas for every request argument, checked on the trusted side before any handler runs.
 * Objects are strict: an unknown key is a validation error, not silently dropped.
 */
import { z } from 'zod';
import type { ArgsOf, Channel } from './contract';
import { MAX_LINE_QUANTITY } from '../domain/cart-pricing';
import { printerSchemas } from './office/printer.schemas';
import { productsSchemas } from './office/products.schemas';
import { refundsSchemas } from './office/refunds.schemas';
import { settingsSchemas } from './office/settings.schemas';
import { shiftsSchemas } from './office/shifts.schemas';
import { counterReturnsSchemas, returnsSchemas } from './office/returns.schemas';
import { stockSchemas } from './office/stock.schemas';
import { registersSchemas } from './office/registers.schemas';
import { transactionsSchemas } from './office/transactions.schemas';
import { storeSchemas } from './store/store.schemas';
import { maintenanceSchemas } from './office/maintenance.schemas';
import { counterItemsSchemas } from './counter/counter-items.schemas';

const noArgs = z.object({}).strict();
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const quantity = z.number().int().min(1).max(MAX_LINE_QUANTITY);
// Money crosses the boundary as integer centavos; 10 million pesos is far above any counter sale.
const centavos = z.number().int().min(0).max(1_000_000_000);
// §2.2: serial numbers have no special characters.
const serial = z.string().regex(/^[A-Za-z0-9]{1,40}$/);

/** The argument schema of each channel; a missing channel fails to compile. */
export const argSchemas: { [C in Channel]: z.ZodType<ArgsOf<C>> } = {
  ...transactionsSchemas,
  ...refundsSchemas,
  ...shiftsSchemas,
  ...settingsSchemas,
  ...productsSchemas,
  ...stockSchemas,
  ...printerSchemas,
  ...returnsSchemas,
  ...counterReturnsSchemas,
  ...registersSchemas,
  ...storeSchemas,
  ...maintenanceSchemas,
  ...counterItemsSchemas,
  'app.info.get': noArgs,
  'app.demoTerminal.open': noArgs,
  'app.log.report': z
    .object({
      source: z.enum(['boundary', 'error', 'unhandledrejection']),
      screen: z
        .string()
        .max(40)
        .regex(/^[\w.-]*$/),
      message: z.string().max(2_000),
      stack: z.string().max(8_000).optional(),
      relatedCorrelationId: z.uuid().optional(),
    })
    .strict(),
  'settings.language.set': z.object({ language: z.enum(['es-MX', 'en']) }).strict(),
  'catalog.categories.list': noArgs,
  'catalog.products.search': z
    .object({
      text: z.string().max(100),
      category: z.string().min(1).max(60).optional(),
      limit: z.number().int().min(1).max(200).optional(),
    })
    .strict(),
  'sales.cart.get': noArgs,
  'sales.cart.addProduct': z.object({ productId: id, quantity: quantity.optional() }).strict(),
  // Scanners send digits; people type SKUs. Anything printable up to 64 chars is worth a look-up.
  'sales.cart.scan': z
    .object({
      code: z
        .string()
        .trim()
        .min(1)
        .max(64)
        .regex(/^[\p{L}\p{N}\-_.]+$/u),
    })
    .strict(),
  'sales.cart.setQuantity': z.object({ lineId: id, quantity }).strict(),
  'sales.cart.removeLine': z.object({ lineId: id }).strict(),
  'sales.cart.clear': noArgs,
  'sales.cart.setDiscount': z
    .object({
      lineId: id,
      discountBp: z.number().int().min(0).max(10_000),
      managerPin: z
        .string()
        .regex(/^\d{4,8}$/)
        .optional(),
    })
    .strict(),
  'sales.cart.park': noArgs,
  'sales.parked.list': noArgs,
  'sales.parked.recall': z.object({ saleId: id }).strict(),
  'sales.receipt.get': z.object({ saleId: id }).strict(),
  'sales.receipts.list': z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
  'sales.receipt.savePdf': z.object({ saleId: id }).strict(),
  'sales.receipt.printOnTerminal': z.object({ saleId: id, terminalSerial: serial.optional() }).strict(),
  'sales.receipt.print': z.object({ saleId: id }).strict(),
  'demo.relay.setOnline': z.object({ online: z.boolean() }).strict(),
  'sales.tender.get': noArgs,
  'terminals.list': noArgs,
  'payments.card.start': z
    .object({
      terminalSerial: serial.optional(),
      amount: centavos.positive().optional(),
      tip: centavos.optional(),
      msi: z
        .union([z.literal(0), z.literal(3), z.literal(6), z.literal(9), z.literal(12), z.literal(18)])
        .optional(),
    })
    .strict(),
  'payments.cancel': z.object({ paymentId: id }).strict(),
  'payments.verify': z.object({ paymentId: id }).strict(),
  'payments.get': z.object({ paymentId: id }).strict(),
  'payments.cash.pay': z.object({ tendered: centavos, amount: centavos.positive().optional() }).strict(),
  'payments.notices.list': noArgs,
  'payments.notices.acknowledge': z.object({ paymentId: id }).strict(),
  'relay.status.get': noArgs,
  'session.users.list': noArgs,
  'session.get': noArgs,
  'session.signIn': z.object({ userId: id, pin: z.string().regex(/^\d{4,8}$/) }).strict(),
  'session.lock': noArgs,
  'session.signOut': noArgs,
  'payments.refund': z
    .object({
      paymentId: id,
      managerPin: z.string().regex(/^\d{4,8}$/),
    })
    .strict(),
};
