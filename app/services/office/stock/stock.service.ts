/**
 * The office's stock (issue 13, item 4): goods receipts (entrada de mercancía), adjustments with a
 * reason, returns of an item back into stock, the low-stock list, a product's ledger and the
 * inventory at cost. Negative stock is allowed (the counter never blocks a sale for stock) and shown
 * in the low-stock list and apart in the valuation. Each write is one movement and its stock change
 * in one transaction (StockRepo.append), with the audit entry inside the same transaction.
 */
import {
  encodeReason,
  type AdjustmentReason,
  type InventoryValuation,
  type LowStockList,
  type StockChange,
  type StockMovementsPage,
} from '../../../domain/office/stock';
import type { Milli } from '../../../domain/products/product-record';
import { fail, ok, type Result } from '../../../domain/result';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { StockRepo } from '../../../ports/stock.port';

/** What the stock service needs. */
export interface StockDeps {
  repo: StockRepo;
  audit: AuditLog;
  clock: Clock;
  /** The manager doing it (the `manager` channel policy guarantees one). */
  manager: () => number;
}

/** A goods receipt: how much came in and what each unit cost. */
export interface ReceiptInput {
  productId: number;
  quantity: Milli;
  unitCost: number;
  note?: string | undefined;
}

/** A hand adjustment: a signed change, or (for a physical count) the quantity counted. */
export type AdjustmentInput = {
  productId: number;
  reason: AdjustmentReason;
  note?: string | undefined;
} & ({ delta: Milli; counted?: undefined } | { counted: Milli; delta?: undefined });

/** Largest page of the ledger one call returns. */
export const MOVEMENTS_PAGE_MAX = 200;

/** Stock use cases. */
export class StockService {
  constructor(private readonly deps: StockDeps) {}

  /**
   * Goods received: adds the quantity and makes the unit cost the product's cost (the last
   * receipt's cost, not an average: what a small store re-prices from, as eleventa does by default).
   */
  receive(input: ReceiptInput): Result<StockChange> {
    const { repo, audit } = this.deps;
    const now = this.deps.clock.now();
    const actor = this.deps.manager();
    return repo.transaction(() => {
      const product = repo.product(input.productId);
      if (!product) return fail<StockChange>('not_found', `No product ${input.productId}.`);
      if (!product.trackStock) {
        return fail<StockChange>('conflict', `${product.name} does not track stock; turn it on first.`);
      }
      const change = repo.append(
        {
          productId: input.productId,
          kind: 'receipt',
          quantity: input.quantity,
          unitCost: input.unitCost,
          reason: input.note ?? null,
          userId: actor,
        },
        now,
        { setCost: true },
      );
      audit.append(
        {
          action: 'stock.received',
          actorUserId: actor,
          subject: `product:${input.productId}`,
          details: {
            movementId: change.movement.id,
            quantity: input.quantity,
            unitCost: input.unitCost,
            costBefore: product.cost,
            stockAfter: change.product.stock,
          },
        },
        now,
      );
      return ok(change);
    });
  }

  /** A hand adjustment. `other` needs a note; a count that matches the stock changes nothing. */
  adjust(input: AdjustmentInput): Result<StockChange> {
    const { repo, audit } = this.deps;
    const note = input.note?.trim() || null;
    if (input.reason === 'other' && !note) {
      return fail('validation_failed', 'Say why in the note when the reason is "other".', {
        issues: [{ path: 'note', message: 'required when reason is other' }],
      });
    }
    const now = this.deps.clock.now();
    const actor = this.deps.manager();
    return repo.transaction(() => {
      const product = repo.product(input.productId);
      if (!product) return fail<StockChange>('not_found', `No product ${input.productId}.`);
      if (!product.trackStock) {
        return fail<StockChange>('conflict', `${product.name} does not track stock; turn it on first.`);
      }
      // A count is read against the stock inside the transaction, so a sale between the screen and
      // the save is not overwritten: the adjustment is the difference at the moment it is written.
      const delta = input.counted !== undefined ? input.counted - product.stock : input.delta;
      if (delta === 0) {
        return fail<StockChange>('conflict', 'The stock is already that quantity; nothing to adjust.');
      }
      const change = repo.append(
        {
          productId: input.productId,
          kind: 'adjustment',
          quantity: delta,
          reason: encodeReason(input.reason, note),
          userId: actor,
        },
        now,
      );
      audit.append(
        {
          action: 'stock.adjusted',
          actorUserId: actor,
          subject: `product:${input.productId}`,
          details: {
            movementId: change.movement.id,
            reason: input.reason,
            note,
            delta,
            stockBefore: product.stock,
            stockAfter: change.product.stock,
          },
        },
        now,
      );
      return ok(change);
    });
  }

  /**
   * A returned item back into stock (returns by item, next issue): a `refund` movement for the
   * line's product. Only what the sale took can come back: nothing when the product did not track
   * stock when it was sold (ok with null), and `conflict` past what the sale took less earlier returns.
   * `refundId` is the card refund of the return; null for a cash return (see [Note: returns]).
   */
  restoreForReturn(saleLineId: number, quantity: Milli, refundId: number | null): Result<StockChange | null> {
    const { repo } = this.deps;
    if (!Number.isSafeInteger(quantity) || quantity <= 0) {
      return fail('validation_failed', `Quantity to restore must be a positive integer, got ${quantity}.`);
    }
    const now = this.deps.clock.now();
    return repo.transaction(() => {
      const line = repo.saleLineStock(saleLineId);
      if (!line) return fail<StockChange | null>('not_found', `No line ${saleLineId} of a completed sale.`);
      if (line.taken === 0) return ok(null);
      const left = line.taken - line.restored;
      if (quantity > left) {
        return fail<StockChange | null>(
          'conflict',
          `Line ${saleLineId} took ${line.taken} from stock and ${line.restored} is already back; ${quantity} is more than the ${left} left.`,
        );
      }
      return ok(
        repo.append(
          {
            productId: line.productId,
            kind: 'refund',
            quantity,
            saleId: line.saleId,
            refundId,
            userId: this.deps.manager(),
          },
          now,
        ),
      );
    });
  }

  lowStock(): LowStockList {
    return this.deps.repo.lowStock();
  }

  movements(productId: number, before: number | null, limit = 50): Result<StockMovementsPage> {
    const page = this.deps.repo.movements(productId, before, Math.min(limit, MOVEMENTS_PAGE_MAX));
    return page ? ok(page) : fail('not_found', `No product ${productId}.`);
  }

  valuation(): InventoryValuation {
    return this.deps.repo.valuation();
  }
}
