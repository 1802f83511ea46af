import { cartFromSale } from '../domain/cart';
import type { Product } from '../domain/catalog';
import { fail, ok, type Result } from '../domain/result';
import type { Cart, ParkedSale, Sale } from '../domain/sale';
import type { AuditLog } from '../ports/audit.port';
import type { CatalogRepo } from '../ports/catalog.port';
import type { Clock } from '../ports/clock.port';
import type { EventBus } from '../ports/event-bus.port';
import type { SalesRepo } from '../ports/sales.port';

/** Ports the cart needs. */
export interface CartDeps {
  catalog: CatalogRepo;
  sales: SalesRepo;
  audit: AuditLog;
  events: EventBus;
  clock: Clock;
  /** True when the sale's lines may no longer change (money taken or a card payment in doubt). */
  isLocked?: (saleId: number) => boolean;
  /** The signed-in user, recorded on audited changes. See [Note: one session per register]. */
  actor?: () => number | null;
  /** Who may approve a discount above the cashier's limit (payments-lessons rule 10 spirit). */
  discounts?: {
    /** Largest discount, in basis points, a cashier gives without a manager. */
    limitBp(): number;
    /** The signed-in user's id when that user is a manager. */
    managerOnDuty(): number | null;
    /** A manager PIN typed at the prompt (slowed down and locked per manager, issue 11). */
    approveManager(pin: string): Promise<Result<{ id: number }>>;
  };
}

const LOCKED = 'This sale has a payment; its items can no longer change.';

/**
 * The cart is the open sale in SQLite, so closing and reopening the app brings it back. Every change
 * returns the new cart and publishes `sales.cart.updated` so every window shows the same cart.
 */
export class CartService {
  constructor(private readonly deps: CartDeps) {}

  /** The open sale as a cart, creating an empty one if none is open. */
  get(): Cart {
    return cartFromSale(this.deps.sales.openSale(this.deps.clock.now()));
  }

  /** Adds a product by id. */
  addProduct(productId: number, quantity = 1): Result<Cart> {
    const product = this.deps.catalog.findById(productId);
    if (!product || !product.active) return fail('not_found', `No active product with id ${productId}`);
    return this.add(product, quantity);
  }

  /** Adds the product whose barcode or SKU is exactly `code` (what a scanner types before Enter). */
  scan(code: string): Result<{ cart: Cart; product: Product }> {
    const product = this.deps.catalog.findByCode(code);
    if (!product) return fail('not_found', `No product with barcode or SKU ${code}`);
    const added = this.add(product, 1);
    return added.ok ? ok({ cart: added.value, product }) : added;
  }

  /**
   * Sets a line's quantity; each change is audited with its from→to, since lowering a quantity after
   * the customer saw the total is a removal by another name (issue 11).
   */
  setQuantity(lineId: number, quantity: number): Result<Cart> {
    const now = this.deps.clock.now();
    const sale = this.deps.sales.openSale(now);
    if (this.locked(sale.id)) return fail('conflict', LOCKED, { reason: 'sale_in_checkout' });
    const line = sale.lines.find((l) => l.id === lineId);
    const updated = line && this.deps.sales.setQuantity(sale.id, lineId, quantity, now);
    if (!updated || !line) return fail('not_found', `No line ${lineId} in the open sale`);
    if (line.quantity !== quantity) {
      this.deps.audit.append(
        {
          action: 'sale.line.quantity_changed',
          actorUserId: this.deps.actor?.() ?? null,
          subject: `sale:${sale.id}`,
          details: { sku: line.sku, from: line.quantity, to: quantity },
        },
        now,
      );
    }
    return ok(this.publish(updated));
  }

  /** Removes a line; recorded in the audit log, since removing items is what loss prevention reviews. */
  removeLine(lineId: number): Result<Cart> {
    const now = this.deps.clock.now();
    const sale = this.deps.sales.openSale(now);
    if (this.locked(sale.id)) return fail('conflict', LOCKED, { reason: 'sale_in_checkout' });
    const line = sale.lines.find((l) => l.id === lineId);
    const updated = this.deps.sales.removeLine(sale.id, lineId, now);
    if (!updated || !line) return fail('not_found', `No line ${lineId} in the open sale`);
    this.deps.audit.append(
      {
        action: 'sale.line.removed',
        actorUserId: this.deps.actor?.() ?? null,
        subject: `sale:${sale.id}`,
        details: { sku: line.sku, quantity: line.quantity, unitPrice: line.unitPrice },
      },
      now,
    );
    return ok(this.publish(updated));
  }

  /** Empties the open sale; audited like a line removal. */
  clear(): Result<Cart> {
    const now = this.deps.clock.now();
    const sale = this.deps.sales.openSale(now);
    if (this.locked(sale.id)) return fail('conflict', LOCKED, { reason: 'sale_in_checkout' });
    const updated = this.deps.sales.clearLines(sale.id, now);
    if (sale.lines.length > 0) {
      this.deps.audit.append(
        {
          action: 'sale.cleared',
          actorUserId: this.deps.actor?.() ?? null,
          subject: `sale:${sale.id}`,
          details: { lines: sale.lines.length },
        },
        now,
      );
    }
    return ok(this.publish(updated));
  }

  /**
   * Sets a line's discount. Up to the configured limit the cashier decides; above it a manager must
   * be signed in or type their PIN, and the approving manager is stored with the line.
   */
  async setDiscount(lineId: number, discountBp: number, managerPin?: string): Promise<Result<Cart>> {
    let approvedBy: number | null = null;
    const limit = this.deps.discounts?.limitBp() ?? 10_000;
    if (discountBp > limit) {
      approvedBy = this.deps.discounts?.managerOnDuty() ?? null;
      if (approvedBy === null && managerPin && this.deps.discounts) {
        const approval = await this.deps.discounts.approveManager(managerPin);
        if (!approval.ok) return approval;
        approvedBy = approval.value.id;
      }
      if (approvedBy === null)
        return fail('forbidden', 'A manager PIN is required for this discount.', {
          reason: 'manager_pin_required',
        });
    }
    // Read after the PIN check (which waits on hashing): the sale may have changed meanwhile.
    const now = this.deps.clock.now();
    const sale = this.deps.sales.openSale(now);
    if (this.locked(sale.id)) return fail('conflict', LOCKED, { reason: 'sale_in_checkout' });
    const line = sale.lines.find((l) => l.id === lineId);
    const updated = this.deps.sales.setDiscount(sale.id, lineId, discountBp, approvedBy, now);
    if (!updated || !line) return fail('not_found', `No line ${lineId} in the open sale`);
    this.deps.audit.append(
      {
        action: 'sale.line.discounted',
        actorUserId: this.deps.actor?.() ?? null,
        subject: `sale:${sale.id}`,
        details: { sku: line.sku, from: line.discountBp, to: discountBp, approvedBy },
      },
      now,
    );
    return ok(this.publish(updated));
  }

  /** Puts the open sale on hold (only before any payment) and opens a new, empty one. */
  park(): Result<Cart> {
    const now = this.deps.clock.now();
    const sale = this.deps.sales.openSale(now);
    if (sale.lines.length === 0)
      return fail('conflict', 'An empty sale cannot be put on hold.', { reason: 'empty_sale' });
    if (this.locked(sale.id)) return fail('conflict', LOCKED, { reason: 'sale_in_checkout' });
    if (!this.deps.sales.park(sale.id, now))
      return fail('conflict', 'The sale is no longer open.', { reason: 'sale_not_open' });
    this.deps.audit.append(
      { action: 'sale.parked', actorUserId: this.deps.actor?.() ?? null, subject: `sale:${sale.id}` },
      now,
    );
    return ok(this.publish(this.deps.sales.openSale(now)));
  }

  /** Sales on hold, for the recall list. */
  parked(): ParkedSale[] {
    return this.deps.sales.parked().map((sale) => {
      const cart = cartFromSale(sale);
      return {
        saleId: sale.id,
        parkedAt: sale.updatedAt,
        itemCount: cart.totals.itemCount,
        total: cart.totals.total,
        summary: sale.lines
          .slice(0, 3)
          .map((line) => line.name)
          .join(', '),
      };
    });
  }

  /** Makes a parked sale the open one; the current sale is put on hold unless it is empty. */
  recall(saleId: number): Result<Cart> {
    const now = this.deps.clock.now();
    const current = this.deps.sales.openSale(now);
    if (this.locked(current.id)) return fail('conflict', LOCKED, { reason: 'sale_in_checkout' });
    const recalled = this.deps.sales.recall(saleId, now);
    if (!recalled) return fail('not_found', `No parked sale ${saleId}`);
    this.deps.audit.append(
      { action: 'sale.recalled', actorUserId: this.deps.actor?.() ?? null, subject: `sale:${saleId}` },
      now,
    );
    return ok(this.publish(recalled));
  }

  private locked(saleId = this.deps.sales.openSaleId(this.deps.clock.now())): boolean {
    return this.deps.isLocked?.(saleId) ?? false;
  }

  /** The hot path of a busy counter (every scan): the sale's lines are loaded once, after the write. */
  private add(product: Product, quantity: number): Result<Cart> {
    const now = this.deps.clock.now();
    const saleId = this.deps.sales.openSaleId(now);
    if (this.locked(saleId)) return fail('conflict', LOCKED, { reason: 'sale_in_checkout' });
    return ok(this.publish(this.deps.sales.addProduct(saleId, product, quantity, now)));
  }

  private publish(sale: Sale): Cart {
    const cart = cartFromSale(sale);
    this.deps.events.emit('sales.cart.updated', cart);
    return cart;
  }
}
