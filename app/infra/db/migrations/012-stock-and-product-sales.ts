import type { Migration } from './migration';

/**
 * Issue 13, stock and product reports (011 is the products area's search index).
 *
 * - One `sale` movement per product and sale: the engine writes them in the completion's own
 *   transaction and skips a product already taken, and this index makes a second one impossible
 *   whatever path retries it. Lines of the same product merge in a cart (sales.repo addProduct), so
 *   (sale, product) is the sale line.
 * - The product and department reports read completed sales by completion time: a year is one range
 *   scan of this partial index instead of a scan of every sale.
 */
export const migration012: Migration = {
  version: 12,
  name: 'stock and product sales',
  up(db) {
    db.exec(`
      CREATE UNIQUE INDEX stock_movements_one_per_sale_product ON stock_movements (sale_id, product_id)
        WHERE kind = 'sale';
      CREATE INDEX stock_movements_refunds_by_sale ON stock_movements (sale_id, product_id)
        WHERE kind = 'refund';
      CREATE INDEX sales_completed ON sales (completed_at) WHERE status = 'completed';
    `);
  },
};
