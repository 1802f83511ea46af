/**
 * What the open sale owes, and cash tender. A sale is paid by cash, card, or both (split tender);
 * while a card payment is in doubt no other tender may start, or the customer could pay twice.
 */
import { priceSale } from '../../domain/cart-pricing';
import { holdsMoney, isUnresolved } from '../../domain/payment-status';
import { paymentView, type TenderSummary } from '../../domain/payment-view';
import { fail, ok, type Result } from '../../domain/result';
import type { CashResult } from '../../domain/payment-view';
import type { ActorId } from '../../ports/payments.port';
import type { PaymentEngine } from './payment-engine';

/** Tender of the open sale. */
export class TenderService {
  constructor(private readonly engine: PaymentEngine) {}

  /** Total, paid and due of the open sale, with its payments. */
  summary(): TenderSummary {
    const { sales, payments } = this.engine.deps;
    const sale = sales.openSale(this.engine.now());
    const list = payments.forSale(sale.id);
    const total = priceSale(sale.lines).total;
    const paid = list.filter((p) => holdsMoney(p.status)).reduce((sum, p) => sum + p.amount, 0);
    return { saleId: sale.id, total, paid, due: Math.max(0, total - paid), payments: list.map(paymentView) };
  }

  /** The open sale and what it owes, if a new tender may start now. Call inside a transaction. */
  dueForNewTender(): Result<{ saleId: number; due: number }> {
    const summary = this.summary();
    if (summary.total === 0) return fail('conflict', 'The sale is empty.');
    if (summary.payments.some((p) => isUnresolved(p.status))) {
      return fail('conflict', 'A card payment for this sale is still being verified; do not charge again.');
    }
    if (summary.due === 0) return fail('conflict', 'The sale is already paid.');
    return ok({ saleId: summary.saleId, due: summary.due });
  }

  /** True when the open sale's lines may no longer change: money was taken or is in doubt. */
  isLocked(saleId: number): boolean {
    return this.engine.deps.payments
      .forSale(saleId)
      .some((p) => holdsMoney(p.status) || isUnresolved(p.status));
  }

  /** Takes cash for what is due (or `amount` of it, for split tender) and gives change. */
  payCash(request: { tendered: number; amount?: number | undefined }, actor: ActorId): Result<CashResult> {
    const { payments, audit } = this.engine.deps;
    const now = this.engine.now();
    const created = payments.transaction(() => {
      const due = this.dueForNewTender();
      if (!due.ok) return due;
      const amount = Math.min(request.amount ?? due.value.due, due.value.due);
      if (request.tendered < amount) {
        return fail<never>(
          'validation_failed',
          `Cash tendered (${request.tendered}) is less than ${amount} due.`,
        );
      }
      const change = request.tendered - amount;
      const payment = payments.insert(
        {
          saleId: due.value.saleId,
          method: 'cash',
          status: 'approved',
          amount,
          tendered: request.tendered,
          change,
          createdBy: actor,
        },
        now,
      );
      payments.appendEvent(
        {
          paymentId: payment.id,
          kind: 'cash_received',
          source: 'cashier',
          toStatus: 'approved',
          actorUserId: actor,
        },
        now,
      );
      audit.append(
        {
          action: 'payment.cash.received',
          actorUserId: actor,
          subject: `payment:${payment.id}`,
          details: { amount, change },
        },
        now,
      );
      return ok(payment);
    });
    if (!created.ok) return created;
    this.engine.publish(created.value.id);
    this.engine.completeSaleIfPaid(created.value.saleId);
    const sale = this.engine.deps.sales.getSale(created.value.saleId);
    return ok({
      payment: paymentView(created.value),
      change: created.value.change ?? 0,
      saleCompleted: sale?.status === 'completed',
    });
  }
}
