import { cartFromSale } from '../domain/cart';
import { MAX_LINE_QUANTITY_MILLI } from '../domain/cart-pricing';
import type { Product } from '../domain/catalog';
import { OPEN_PRICE_DEFAULT_NAME } from '../domain/counter-settings';
import type { Centavos } from '../domain/money';
import type { IvaTreatment, Milli } from '../domain/products/product-record';
import { fail, ok, type Result } from '../domain/result';
import type { Cart, Sale } from '../domain/sale';
import { readScaleLabel, type ScaleLabel, type ScaleLabelLayout } from '../domain/scale-label';
import type { CartDeps, CartService } from './cart.service';

/** What the counter's scan channel answers. */
export interface ScanOutcome {
  cart: Cart;
  product: Product;
  /** The product is sold by weight and the code carried none: nothing was added, ask for the weight. */
  needsWeight?: boolean | undefined;
}

/** What an open-price item needs beside the cart's own ports. */
export interface CounterItemsDeps extends CartDeps {
  cart: CartService;
  /** The store's scale-label layouts (setting `sales.scaleLabels`). */
  scaleLabels(): readonly ScaleLabelLayout[];
  /** Above this price an open-price item needs a manager (setting `sales.openPriceLimitCentavos`). */
  openPriceLimit(): Centavos;
}

const LOCKED = 'This sale has a payment; its items can no longer change.';

// Grams of a weighing in thousandths of the product's unit: the counter weighs in kg (see SaleLine).
const PER_KG: Partial<Record<string, number>> = { kg: 1, g: 1000 };

/**
 * Items that are not "one more piece" (issue 14): lines sold by weight, typed or read from a scale
 * label, and open-price items not in the catalog. Weights arrive in thousandths of a kilogram (what
 * the dialog and the labels carry) and are stored in thousandths of the product's unit.
 */
export class CounterItemsService {
  constructor(private readonly deps: CounterItemsDeps) {}

  /**
   * A scan: a scale label (prefix 20–29 under a layout) adds its product by the label's weight or
   * price; a weighed product's own code asks for a weight; anything else is the cart's scan.
   */
  scan(code: string): Result<ScanOutcome> {
    const read = readScaleLabel(code, this.deps.scaleLabels());
    if (read.kind === 'refused') {
      return fail('validation_failed', `Scale label ${code} refused: ${read.reason}`, {
        issues: [{ path: 'code', message: read.reason }],
      });
    }
    if (read.kind === 'label') return this.addLabel(read.label);
    const product = this.deps.catalog.findByCode(code);
    if (product?.soldByWeight) return ok({ cart: this.deps.cart.get(), product, needsWeight: true });
    return this.deps.cart.scan(code);
  }

  /** Adds a weighed product by a typed weight in thousandths of a kilogram (0.755 kg = 755). */
  addWeighed(productId: number, weightGrams: Milli): Result<Cart> {
    const product = this.deps.catalog.findById(productId);
    if (!product || !product.active) return fail('not_found', `No active product with id ${productId}`);
    if (!product.soldByWeight) return fail('validation_failed', `${product.sku} is not sold by weight`);
    return this.insertWeighed(product, weightGrams, null);
  }

  /**
   * Adds an item not in the catalog. Up to the store's limit the cashier decides; above it a manager
   * is signed in or types a PIN (like a discount), and that manager is stored with the line.
   */
  async addOpenPrice(item: {
    name?: string | undefined;
    price: Centavos;
    iva: IvaTreatment;
    managerPin?: string | undefined;
  }): Promise<Result<Cart>> {
    let approvedBy: number | null = null;
    if (item.price > this.deps.openPriceLimit()) {
      approvedBy = this.deps.discounts?.managerOnDuty() ?? null;
      if (approvedBy === null && item.managerPin && this.deps.discounts) {
        const approval = await this.deps.discounts.approveManager(item.managerPin);
        if (!approval.ok) return approval;
        approvedBy = approval.value.id;
      }
      if (approvedBy === null) return fail('forbidden', 'A manager PIN is required for this price.');
    }
    // Read after the PIN check (which waits on hashing): the sale may have changed meanwhile.
    const now = this.deps.clock.now();
    const saleId = this.deps.sales.openSaleId(now);
    if (this.locked(saleId)) return fail('conflict', LOCKED);
    const name = item.name?.trim() || OPEN_PRICE_DEFAULT_NAME;
    const ivaRateBp = item.iva.kind === 'rate' ? item.iva.rateBp : 0;
    const sale = this.deps.sales.addOpenPrice(
      saleId,
      { name, price: item.price, ivaRateBp, ivaExempt: item.iva.kind === 'exempt', approvedBy },
      now,
    );
    this.deps.audit.append(
      {
        action: 'sale.line.open_price_added',
        actorUserId: this.deps.actor?.() ?? null,
        subject: `sale:${saleId}`,
        details: { name, price: item.price, ivaRateBp, exempt: item.iva.kind === 'exempt', approvedBy },
      },
      now,
    );
    return ok(this.publish(sale));
  }

  private addLabel(label: ScaleLabel): Result<ScanOutcome> {
    const product = this.findPlu(label.plu);
    if (!product) return fail('not_found', `No product with scale PLU ${label.plu}`);
    if (!product.soldByWeight) return fail('validation_failed', `${product.sku} is not sold by weight`);
    let added: Result<Cart>;
    if (label.kind === 'weight') added = this.insertWeighed(product, label.weight, null);
    else {
      // The label's price is the line's amount; the weight only explains it (price ÷ price per kg).
      if (product.price <= 0) return fail('validation_failed', `${product.sku} has no price per unit`);
      const grams = Math.max(1, Math.round((label.price * 1000) / product.price));
      added = this.insertWeighed(product, Math.min(grams, MAX_LINE_QUANTITY_MILLI), label.price);
    }
    return added.ok ? ok({ cart: added.value, product }) : added;
  }

  /** A PLU is a product's barcode or SKU, as printed (`00101`) or without its leading zeros (`101`). */
  private findPlu(plu: string): Product | undefined {
    const bare = plu.replace(/^0+(?=\d)/, '');
    return (
      this.deps.catalog.findByCode(plu) ?? (bare !== plu ? this.deps.catalog.findByCode(bare) : undefined)
    );
  }

  private insertWeighed(product: Product, weightGrams: Milli, labelAmount: Centavos | null): Result<Cart> {
    const perKg = PER_KG[product.unit ?? 'kg'] ?? 1;
    const quantityMilli = weightGrams * perKg;
    if (
      !Number.isSafeInteger(quantityMilli) ||
      quantityMilli < 1 ||
      quantityMilli > MAX_LINE_QUANTITY_MILLI
    ) {
      return fail('validation_failed', `Weight out of range: ${weightGrams} g`, {
        issues: [{ path: 'weight', message: 'out_of_range' }],
      });
    }
    const now = this.deps.clock.now();
    const saleId = this.deps.sales.openSaleId(now);
    if (this.locked(saleId)) return fail('conflict', LOCKED);
    return ok(this.publish(this.deps.sales.addWeighed(saleId, { product, quantityMilli, labelAmount }, now)));
  }

  private locked(saleId: number): boolean {
    return this.deps.isLocked?.(saleId) ?? false;
  }

  private publish(sale: Sale): Cart {
    const cart = cartFromSale(sale);
    this.deps.events.emit('sales.cart.updated', cart);
    return cart;
  }
}
