/**
 * What the open sale owes, and cash tender. A sale is paid by cash, card, or both (split tender);
 * while a card payment is in doubt no other tender may start, or the customer could pay twice.
 */
import { priceSale } from '../../domain/cart-pricing';
import { holdsMoney, isUnresolved } from '../../domain/payment-status';
import { paymentView, type CashResult, type TenderSummary } from '../../domain/payment-view';
import { fail, ok, type Result } from '../../domain/result';
import type { AuditLog } from '../../ports/audit.port';
import type { ActorId, PaymentsRepo } from '../../ports/payments.port';
import type { SalesRepo } from '../../ports/sales.port';
import type { PaymentEngine } from './payment-engine';

/** Ports and the engine operations the tender needs. */
export interface TenderDeps {
  engine: Pick<PaymentEngine, 'now' | 'publish' | 'completeSaleIfPaid'>;
  payments: PaymentsRepo;
  sales: SalesRepo;
  audit: AuditLog;
}

/** Tender of the open sale. */
export class TenderService {
  private readonly engine: TenderDeps['engine'];

  constructor(private readonly deps: TenderDeps) {
    this.engine = deps.engine;
  }

  /** Total, paid and due of the open sale, with its payments. */
  summary(): TenderSummary {
    const sale = this.deps.sales.openSale(this.engine.now());
    return this.summaryOf(sale.id, priceSale(sale.lines).total);
  }

  /** The tender of sale `saleId` whose lines total `total` (a cart's totals already say it). */
  summaryOf(saleId: number, total: number): TenderSummary {
    const list = this.deps.payments.forSale(saleId);
    const paid = list.filter((p) => holdsMoney(p.status)).reduce((sum, p) => sum + p.amount, 0);
    return { saleId, total, paid, due: Math.max(0, total - paid), payments: list.map(paymentView) };
  }

  /** The open sale's id. */
  openSaleId(): number {
    return this.deps.sales.openSaleId(this.engine.now());
  }

  /** The open sale and what it owes, if a new tender may start now. Call inside a transaction. */
  dueForNewTender(): Result<{ saleId: number; due: number }> {
    const summary = this.summary();
    if (summary.total === 0) return fail('conflict', 'The sale is empty.', { reason: 'empty_sale' });
    if (summary.payments.some((p) => isUnresolved(p.status))) {
      return fail('conflict', 'A card payment for this sale is still being verified; do not charge again.', {
        reason: 'card_in_verification',
      });
    }
    if (summary.due === 0)
      return fail('conflict', 'The sale is already paid.', { reason: 'sale_already_paid' });
    return ok({ saleId: summary.saleId, due: summary.due });
  }

  /** True when the open sale's lines may no longer change: money was taken or is in doubt. */
  isLocked(saleId: number): boolean {
    return this.deps.payments.forSale(saleId).some((p) => holdsMoney(p.status) || isUnresolved(p.status));
  }

  /** Takes cash for what is due (or `amount` of it, for split tender) and gives change. */
  payCash(request: { tendered: number; amount?: number | undefined }, actor: ActorId): Result<CashResult> {
    const { payments, audit } = this.deps;
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
    const sale = this.deps.sales.getSale(created.value.saleId);
    return ok({
      payment: paymentView(created.value),
      change: created.value.change ?? 0,
      saleCompleted: sale?.status === 'completed',
    });
  }
}
