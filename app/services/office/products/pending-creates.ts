import type { ProductFields } from '../../../domain/products/product-draft';
import type { ProductRecord } from '../../../domain/products/product-record';
import type { ProductsAdminRepo } from '../../../ports/products-admin.port';

/** The reads `plan` makes of the store's products. */
export type ProductLookups = Pick<ProductsAdminRepo, 'findBySku' | 'barcodeHolder' | 'get'>;

/**
 * New products of an import, written in batches (see [Note: batched product inserts]) and in file
 * order. A lookup of a code that a pending product holds writes the batch first, so every row is
 * matched against the store as if the rows before it had been written one by one.
 */
export class PendingCreates implements ProductLookups {
  private static readonly BATCH = 250;
  private batch: { fields: ProductFields; stock: number | undefined }[] = [];
  /** SKUs (lower-cased, as the column compares) and barcodes of the batch. */
  private readonly codes = new Set<string>();

  constructor(
    private readonly repo: ProductsAdminRepo,
    private readonly actor: number | null,
    private readonly now: number,
  ) {}

  add(fields: ProductFields, stock: number | undefined): void {
    this.batch.push({ fields, stock });
    this.codes.add(fields.sku.toLowerCase());
    for (const code of fields.barcodes) this.codes.add(code.toLowerCase());
    if (this.batch.length >= PendingCreates.BATCH) this.flush();
  }

  flush(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.codes.clear();
    const ids = this.repo.insertMany(
      batch.map((c) => c.fields),
      true,
      this.now,
    );
    batch.forEach(({ stock }, i) => {
      if (stock !== undefined && stock !== 0) {
        const productId = ids[i]!;
        this.repo.addStockMovement({
          productId,
          kind: 'import',
          quantity: stock,
          userId: this.actor,
          at: this.now,
        });
      }
    });
  }

  findBySku(sku: string): ProductRecord | undefined {
    this.flushIfHolds(sku);
    return this.repo.findBySku(sku);
  }

  barcodeHolder(code: string) {
    this.flushIfHolds(code);
    return this.repo.barcodeHolder(code);
  }

  get(id: number): ProductRecord | undefined {
    return this.repo.get(id);
  }

  private flushIfHolds(code: string): void {
    if (this.codes.has(code.toLowerCase())) this.flush();
  }
}
