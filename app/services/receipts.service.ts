/**
 * Receipts from stored data only (payments-lessons rule 11): the sale's copied lines, the totals the
 * pricing rules give for them, and the approved payments with their card data. Reprint = read again.
 */
import { weighedLineText } from '../domain/weighed-line';
import { cartFromSale } from '../domain/cart';
import { holdsMoney } from '../domain/payment-status';
import type { Receipt, ReceiptHeader, ReceiptSummary } from '../domain/receipt';
import { fail, ok, type Result } from '../domain/result';
import type { PaymentsRepo } from '../ports/payments.port';
import type { SalesRepo } from '../ports/sales.port';
import type { UsersRepo } from '../ports/users.port';
import type { StoreTimeZone } from '../domain/store-time-zone';
import type { PaperWidth } from '../domain/printer';

/** Receipt look-ups. */
export class ReceiptsService {
  constructor(
    private readonly deps: {
      sales: SalesRepo;
      payments: PaymentsRepo;
      users: UsersRepo;
      /** Name, RFC, address and footer as set in the manager's settings, read at print time. */
      header: () => ReceiptHeader;
      /** The store's zone, printed on the receipt so its date and time are local. */
      timeZone: () => StoreTimeZone;
      /** The paper sale `saleId`'s register prints on, so the screen shows the printed layout. */
      paperWidth: (saleId: number) => PaperWidth;
    },
  ) {}

  /** The receipt of a completed sale. */
  receipt(saleId: number): Result<Receipt> {
    const sale = this.deps.sales.getSale(saleId);
    const completedAt = this.deps.sales.completedAt(saleId);
    if (!sale || completedAt === undefined) return fail('not_found', `No completed sale ${saleId}`);
    const cart = cartFromSale(sale);
    // Refunded payments still print: the receipt is what happened at the counter.
    const payments = this.deps.payments
      .forSale(saleId)
      .filter((p) => holdsMoney(p.status) || p.status === 'refunded');
    const last = payments.at(-1);
    const cashierId = last?.createdBy ?? null;
    return ok({
      saleId,
      ...this.deps.header(),
      completedAt,
      timeZone: this.deps.timeZone(),
      lines: cart.lines.map((line) => ({
        name: line.name,
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        quantityMilli: line.quantityMilli,
        unit: line.unit,
        openPrice: line.openPrice,
        // "0.755 kg × $89.90/kg" under a weighed line's name (receipt-layout prints it as given).
        ...(line.quantityMilli !== null ? { quantityText: weighedLineText(line) ?? undefined } : {}),
        discount: line.discount,
        gross: line.gross,
      })),
      totals: cart.totals,
      payments: payments.map((p) => ({
        paymentId: p.id,
        method: p.method,
        amount: p.amount,
        tip: p.tip,
        msi: p.msi,
        tendered: p.tendered,
        change: p.change,
        cardBrand: p.cardBrand,
        cardLast4: p.cardLast4,
        authorizationCode: p.authorizationCode,
        reference: p.uniqueReference,
        transactionId: p.transactionId,
      })),
      cashier: cashierId === null ? null : (this.deps.users.nameOf(cashierId) ?? null),
      paperWidth: this.deps.paperWidth(saleId),
    });
  }

  /** The latest completed sales, for the reprint list. */
  recent(limit = 50): ReceiptSummary[] {
    return this.deps.sales.completedSales(limit);
  }
}
