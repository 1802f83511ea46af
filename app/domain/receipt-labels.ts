/**
 * The words of a receipt, in both UI languages. The printed ticket uses Spanish (the customer's
 * language in a Mexican store); the screen uses the cashier's UI language. One set of words per
 * language so the paper and the screen never disagree. See [Note: one receipt layout]. Every
 * character must exist in CP858, the printed code page (a test checks): no em dash, no curly quotes.
 */
import type { Language } from './language';

/** Every word a receipt prints. */
export interface ReceiptLabels {
  sale: (id: number) => string;
  /** A tender's number: what the refund and return screens ask for (issue 14, item 6). */
  payment: (id: number) => string;
  cashier: (name: string) => string;
  rfc: (rfc: string) => string;
  quantity: (count: number, unitPrice: string) => string;
  discount: string;
  subtotal: string;
  iva: (rate: string, base: string) => string;
  total: string;
  tip: string;
  charged: string;
  card: (brand: string, last4: string) => string;
  /** A card payment whose brand and last four never arrived. */
  cardUnknown: string;
  authorization: (code: string) => string;
  msi: (months: number) => string;
  tipIncluded: (amount: string) => string;
  reference: string;
  transaction: (id: string) => string;
  /** A card payment confirmed by get-status alone: say plainly what the receipt cannot show. */
  cardDataMissing: string;
  cash: string;
  tendered: string;
  change: string;
  thanks: string;
  notFiscal: string;
  saleCode: string;
}

const esMX: ReceiptLabels = {
  sale: (id) => `Venta ${id}`,
  payment: (id) => `Pago núm. ${id}`,
  cashier: (name) => `Atendió: ${name}`,
  rfc: (rfc) => `RFC ${rfc}`,
  quantity: (count, unitPrice) => `${count} × ${unitPrice}`,
  discount: 'Descuento',
  subtotal: 'Subtotal',
  iva: (rate, base) => `IVA ${rate} sobre ${base}`,
  total: 'TOTAL',
  tip: 'Propina',
  charged: 'TOTAL COBRADO',
  card: (brand, last4) => `Tarjeta ${brand} ···· ${last4}`,
  cardUnknown: 'Tarjeta',
  authorization: (code) => `Autorización: ${code}`,
  msi: (months) => `${months} meses sin intereses`,
  tipIncluded: (amount) => `Incluye propina de ${amount}`,
  reference: 'Referencia:',
  transaction: (id) => `Operación Kushki: ${id}`,
  cardDataMissing:
    'Pago aprobado y confirmado con Kushki. La terminal no envió marca, últimos 4 dígitos ni autorización: véalos en el comprobante de la terminal.',
  cash: 'Efectivo',
  tendered: 'Recibido',
  change: 'CAMBIO',
  thanks: '¡Gracias por su compra!',
  notFiscal: 'Este ticket no es un comprobante fiscal',
  saleCode: 'Código de la venta',
};

const en: ReceiptLabels = {
  sale: (id) => `Sale ${id}`,
  payment: (id) => `Payment no. ${id}`,
  cashier: (name) => `Served by: ${name}`,
  rfc: (rfc) => `RFC ${rfc}`,
  quantity: (count, unitPrice) => `${count} × ${unitPrice}`,
  discount: 'Discount',
  subtotal: 'Subtotal',
  iva: (rate, base) => `IVA ${rate} on ${base}`,
  total: 'TOTAL',
  tip: 'Tip',
  charged: 'TOTAL CHARGED',
  card: (brand, last4) => `Card ${brand} ···· ${last4}`,
  cardUnknown: 'Card',
  authorization: (code) => `Authorization: ${code}`,
  msi: (months) => `${months} interest-free months`,
  tipIncluded: (amount) => `Includes a ${amount} tip`,
  reference: 'Reference:',
  transaction: (id) => `Kushki transaction: ${id}`,
  cardDataMissing:
    'Payment approved and confirmed with Kushki. The terminal did not send the brand, last 4 digits or authorization: see the terminal voucher.',
  cash: 'Cash',
  tendered: 'Received',
  change: 'CHANGE',
  thanks: 'Thank you for your purchase!',
  notFiscal: 'This ticket is not a tax invoice (comprobante fiscal)',
  saleCode: 'Sale code',
};

/** The receipt's words in `language`. */
export function receiptLabels(language: Language): ReceiptLabels {
  return language === 'en' ? en : esMX;
}
