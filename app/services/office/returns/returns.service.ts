/**
 * Returns by item (issue 14, item 6): the manager picks lines and quantities of a completed sale and
 * gives the money back in cash from the drawer or to the card.
 *
 * [Note: returns]
 * - **One transaction**: the checks (sale completed, each line's quantity within what was sold less
 *   what earlier returns took back, tender possible), the card refund's ledger row, the return with
 *   its lines, the stock put back and the audit entry are written in one IMMEDIATE transaction. Two
 *   returns of the same line at once are serialised by SQLite's write lock: the second one reads the
 *   first's lines and is refused. Migration 015's trigger refuses the same excess whatever code
 *   writes the rows, so the rule holds across processes too.
 * - **Card**: the money goes through the refund ledger (RefundsService.store, then sendStored after
 *   the commit; see [Note: refund ledger]) — one path to Kushki, with its partial refunds, the 23:00
 *   void-or-refund rule and settlement by webhook or get-status. A return whose refund fails gives
 *   its quantities back (the lines can be returned again); its stock stays restored, because the
 *   goods did come back.
 * - **Cash**: a cash refund of the open shift's drawer (`returns.shift_id`): the shift's expected
 *   cash and the Z report's cash refunds count it. No shift open, or more than the drawer should
 *   hold, is refused. Any sale can be refunded in cash, a cash sale included.
 * - **Amounts** follow each line's own price after its discount. See [Note: return amounts].
 * - **Stock** comes back through StockService.restoreForReturn where the line took stock.
 */
import {
  MILLI_PER_UNIT,
  returnAmount,
  type ReturnableLine,
  type ReturnableSale,
  type ReturnCreated,
  type ReturnRequest,
} from '../../../domain/office/returns';
import { priceLine } from '../../../domain/cart-pricing';
import { centavosToDecimalString } from '../../../domain/money';
import { fail, ok, type Result } from '../../../domain/result';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { RefundRecord } from '../../../ports/refunds.port';
import type { ReturnsRepo, SaleForReturn } from '../../../ports/returns.port';
import type { ShiftsRepo } from '../../../ports/shifts.port';
import type { RefundsService } from '../../payments/refunds.service';
import type { StockService } from '../stock/stock.service';
import type { DrawerService } from '../../printing/drawer.service';
import { SERVER_REGISTER_ID } from '../../../domain/registers';

/** What the returns service needs. */
export interface ReturnsDeps {
  repo: ReturnsRepo;
  refunds: Pick<RefundsService, 'store' | 'sendStored' | 'preview'>;
  shifts: Pick<ShiftsRepo, 'openShift'>;
  stock: Pick<StockService, 'restoreForReturn'>;
  audit: AuditLog;
  clock: Clock;
  /** The cash drawer (issue 15): opened for a cash return, after it is recorded; absent in some tests. */
  drawer?: Pick<DrawerService, 'kick'> | undefined;
  /** The register the return is made at (issue 17): its shift pays it, its drawer opens. Default 0. */
  registerId?: number;
}

/** Thrown inside the transaction to roll it back with an expected failure. */
class Refused extends Error {
  constructor(readonly result: Result<never>) {
    super(result.ok ? 'refused' : result.error.message);
  }
}

/** Unwraps a Result inside the transaction, rolling everything back on a failure. */
function orRefuse<T>(result: Result<T>): T {
  if (!result.ok) throw new Refused(result);
  return result.value;
}

/** A sale's lines as the return screen shows them. */
function returnableLines(sale: SaleForReturn): ReturnableLine[] {
  return sale.lines.map((l) => ({
    saleLineId: l.saleLineId,
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    unitPrice: l.unitPrice,
    discountBp: l.discountBp,
    gross: priceLine(l).gross,
    soldMilli: l.soldMilli,
    returnedMilli: l.returnedMilli,
    returnableMilli: Math.max(0, l.soldMilli - l.returnedMilli),
    byWeight: l.byWeight,
  }));
}

/** Return use cases. */
export class ReturnsService {
  constructor(private readonly deps: ReturnsDeps) {}

  /** A completed sale with what can still come back, how it was paid and its earlier returns. */
  returnable(saleId: number): Result<ReturnableSale> {
    const sale = this.deps.repo.sale(saleId);
    if (!sale) return fail('not_found', `No sale ${saleId}.`);
    if (sale.status !== 'completed' || sale.completedAt === null) {
      return fail('conflict', `Sale ${saleId} is ${sale.status}: only a completed sale can be returned.`);
    }
    const returns = this.deps.repo.forSale(saleId);
    const cardOptions = sale.payments
      .filter((p) => p.method === 'card')
      .flatMap((p) => {
        const preview = this.deps.refunds.preview(p.paymentId);
        if (!preview.ok || preview.value.refundable <= 0) return [];
        return [
          {
            paymentId: p.paymentId,
            cardBrand: p.cardBrand,
            cardLast4: p.cardLast4,
            refundable: preview.value.refundable,
          },
        ];
      });
    return ok({
      saleId,
      completedAt: sale.completedAt,
      total: sale.total,
      cashier: sale.cashier,
      lines: returnableLines(sale),
      paidBy: sale.payments.map((p) => ({ paymentId: p.paymentId, method: p.method, amount: p.amount })),
      cardOptions,
      returnedAmount: returns
        .filter((r) => r.refundStatus !== 'failed')
        .reduce((sum, r) => sum + r.amount, 0),
      returns,
    });
  }

  /** Stores a return (and its card refund) in one transaction, then sends the refund. See [Note: returns]. */
  async create(request: ReturnRequest, actor: number): Promise<Result<ReturnCreated>> {
    let stored: { returnId: number; refund: RefundRecord | null; restored: ReturnCreated['stockRestored'] };
    try {
      stored = this.deps.repo.transaction(() => this.store(request, actor));
    } catch (error) {
      if (error instanceof Refused) return error.result;
      if (error instanceof Error && /return exceeds the quantity sold/.test(error.message)) {
        return fail(
          'conflict',
          'A line would come back beyond what was sold less what was already returned.',
        );
      }
      throw error;
    }
    // Cash comes out of the drawer: open it once the return is on the books (never before, so a
    // refused return opens nothing). Not awaited: a printer off never holds the return up.
    // The cash comes from the drawer of the register the return is made at (issue 17).
    if (!stored.refund) {
      const registerId = this.deps.registerId ?? SERVER_REGISTER_ID;
      void this.deps.drawer?.kick({ kind: 'cash_return', saleId: request.saleId }, actor, registerId);
    }
    const refundStatus = stored.refund
      ? (await this.deps.refunds.sendStored(stored.refund)).refund.status
      : null;
    const view = this.deps.repo.get(stored.returnId)!;
    return ok({ return: view, refundStatus, stockRestored: stored.restored });
  }

  /** The transaction's body: checks, refund row, return, stock, audit. Throws Refused to roll back. */
  private store(request: ReturnRequest, actor: number) {
    const { repo, audit } = this.deps;
    const now = this.deps.clock.now();
    const sale = orRefuse(this.returnable(request.saleId));
    const lines = orRefuse(this.priced(sale, request));
    const amount = lines.reduce((sum, l) => sum + l.amount, 0);
    if (amount <= 0) {
      throw new Refused(fail('conflict', 'These lines were free: there is no money to give back.'));
    }
    let refund: RefundRecord | null = null;
    let shiftId: number | null = null;
    if (request.tender.method === 'card') {
      const paymentId = request.tender.paymentId;
      const option = sale.cardOptions.find((o) => o.paymentId === paymentId);
      if (!option) {
        throw new Refused(
          fail(
            'conflict',
            `Payment ${paymentId} is not a card payment of sale ${sale.saleId} that can be refunded.`,
          ),
        );
      }
      if (amount > option.refundable) {
        throw new Refused(
          fail(
            'conflict',
            `The card can take back at most $${centavosToDecimalString(option.refundable)}; this return is $${centavosToDecimalString(amount)}. Return fewer items to the card or give this one in cash.`,
          ),
        );
      }
      refund = orRefuse(this.deps.refunds.store(paymentId, amount, actor));
    } else {
      const shift = this.deps.shifts.openShift();
      if (!shift) throw new Refused(fail('conflict', 'No shift is open: open one before giving cash back.'));
      if (amount > shift.expected) {
        throw new Refused(
          fail(
            'conflict',
            `The drawer should hold $${centavosToDecimalString(shift.expected)}, less than the $${centavosToDecimalString(amount)} to give back.`,
          ),
        );
      }
      shiftId = shift.id;
    }
    const reason = request.reason?.trim() || null;
    const returnId = repo.insert(
      {
        saleId: sale.saleId,
        method: request.tender.method,
        amount,
        refundId: refund?.id ?? null,
        shiftId,
        reason,
        by: actor,
        at: now,
      },
      lines.map((l) => ({ saleLineId: l.saleLineId, quantity: l.quantity, amount: l.amount })),
    );
    const restored: ReturnCreated['stockRestored'] = [];
    for (const line of lines) {
      const change = this.deps.stock.restoreForReturn(line.saleLineId, line.quantity, refund?.id ?? null);
      // A conflict means this line's stock is already back (a return whose card refund failed put it
      // back): the goods came back once, so the stock is not counted twice. See [Note: returns].
      if (change.ok && change.value) restored.push({ saleLineId: line.saleLineId, quantity: line.quantity });
    }
    audit.append(
      {
        action: 'sale.return.created',
        actorUserId: actor,
        subject: `sale:${sale.saleId}`,
        details: {
          returnId,
          method: request.tender.method,
          amount,
          refundId: refund?.id ?? null,
          paymentId: request.tender.method === 'card' ? request.tender.paymentId : null,
          shiftId,
          reason,
          lines: lines.map((l) => ({ saleLineId: l.saleLineId, quantity: l.quantity, amount: l.amount })),
          stockRestored: restored,
        },
      },
      now,
    );
    return { returnId, refund, restored };
  }

  /** Validates the requested lines against the sale and prices each. See [Note: return amounts]. */
  private priced(
    sale: ReturnableSale,
    request: ReturnRequest,
  ): Result<{ saleLineId: number; quantity: number; amount: number }[]> {
    if (request.lines.length === 0) return fail('validation_failed', 'Choose at least one line to return.');
    const seen = new Set<number>();
    const priced = [];
    for (const [i, wanted] of request.lines.entries()) {
      const path = `lines.${i}.quantity`;
      const line = sale.lines.find((l) => l.saleLineId === wanted.saleLineId);
      if (!line) return fail('not_found', `Line ${wanted.saleLineId} is not a line of sale ${sale.saleId}.`);
      if (seen.has(line.saleLineId)) {
        return fail('validation_failed', `Line ${line.saleLineId} is listed twice.`, {
          issues: [{ path: `lines.${i}.saleLineId`, message: 'listed twice' }],
        });
      }
      seen.add(line.saleLineId);
      if (!Number.isSafeInteger(wanted.quantity) || wanted.quantity <= 0) {
        return fail('validation_failed', `Quantity of ${line.name} must be positive.`, {
          issues: [{ path, message: 'positive thousandths' }],
        });
      }
      if (!line.byWeight && wanted.quantity % MILLI_PER_UNIT !== 0) {
        return fail('validation_failed', `${line.name} is sold by the piece: return whole pieces.`, {
          issues: [{ path, message: 'whole pieces (multiples of 1000)' }],
        });
      }
      if (wanted.quantity > line.returnableMilli) {
        return fail(
          'conflict',
          `${line.name}: ${wanted.quantity / MILLI_PER_UNIT} is more than the ${line.returnableMilli / MILLI_PER_UNIT} left to return (sold ${line.soldMilli / MILLI_PER_UNIT}, returned ${line.returnedMilli / MILLI_PER_UNIT}).`,
          { issues: [{ path, message: 'more than is left to return' }] },
        );
      }
      priced.push({
        saleLineId: line.saleLineId,
        quantity: wanted.quantity,
        amount: returnAmount(line, wanted.quantity),
      });
    }
    return ok(priced);
  }
}
