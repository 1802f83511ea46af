import type { Migration } from './migration';

/**
 * Issue 6: per-line discounts. The rate is kept in basis points (1000 = 10 %) so the discount in
 * centavos is always recomputed by the pricing rules from the stored line, never stored twice;
 * `discount_approved_by` is the manager who allowed a discount above the cashier's limit.
 */
export const migration002: Migration = {
  version: 2,
  name: 'line discounts',
  up(db) {
    db.exec(`
      ALTER TABLE sale_lines ADD COLUMN discount_bp INTEGER NOT NULL DEFAULT 0
        CHECK (discount_bp BETWEEN 0 AND 10000);
      ALTER TABLE sale_lines ADD COLUMN discount_approved_by INTEGER REFERENCES users (id);
    `);
  },
};
