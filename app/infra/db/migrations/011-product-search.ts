import type { Migration } from './migration';

/**
 * Issue 13, item 6: the counter's search-as-you-type at 50 000 products. [Note: product search index]
 * Trigram FTS5 indexes: `products_fts` over the folded name (search_text, accents already removed)
 * and the SKU, rowid = products.id; `product_codes_fts` over each barcode, rowid = product id × 16 +
 * its position (a product has at most 10 codes, MAX_BARCODES), so adding or removing one code is one
 * index row, never a rewrite of the product's. Trigram phrase queries match any substring of three
 * characters or more, the `LIKE '%text%'` the counter has always used, and catalog.repo confirms every
 * candidate with that same LIKE, so results do not change; only how they are found. Shorter texts use
 * the two plain indexes below. Triggers keep the indexes in step with every writer (the seed, the
 * office, an import); an update rewrites the name's index row only when the name or SKU changed.
 */
export const migration011: Migration = {
  version: 11,
  name: 'product search index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE products_fts USING fts5(name, sku, tokenize = 'trigram');
      CREATE VIRTUAL TABLE product_codes_fts USING fts5(code, tokenize = 'trigram');
      INSERT INTO products_fts (rowid, name, sku) SELECT id, search_text, sku FROM products;
      INSERT INTO product_codes_fts (rowid, code)
        SELECT product_id * 16 + position, code FROM product_barcodes;

      CREATE TRIGGER products_fts_after_insert AFTER INSERT ON products
      BEGIN
        INSERT INTO products_fts (rowid, name, sku) VALUES (new.id, new.search_text, new.sku);
      END;
      CREATE TRIGGER products_fts_after_update AFTER UPDATE OF search_text, sku ON products
        WHEN old.search_text IS NOT new.search_text OR old.sku IS NOT new.sku
      BEGIN
        UPDATE products_fts SET name = new.search_text, sku = new.sku WHERE rowid = new.id;
      END;
      CREATE TRIGGER products_fts_after_delete AFTER DELETE ON products
      BEGIN
        DELETE FROM products_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER product_codes_fts_after_insert AFTER INSERT ON product_barcodes
      BEGIN
        INSERT OR REPLACE INTO product_codes_fts (rowid, code) VALUES (new.product_id * 16 + new.position, new.code);
      END;
      CREATE TRIGGER product_codes_fts_after_delete AFTER DELETE ON product_barcodes
      BEGIN
        DELETE FROM product_codes_fts WHERE rowid = old.product_id * 16 + old.position;
      END;
      CREATE TRIGGER product_codes_fts_after_update AFTER UPDATE ON product_barcodes
      BEGIN
        DELETE FROM product_codes_fts WHERE rowid = old.product_id * 16 + old.position;
        INSERT OR REPLACE INTO product_codes_fts (rowid, code) VALUES (new.product_id * 16 + new.position, new.code);
      END;

      -- Short texts (see catalog.repo): names starting with the text are a range of the first index,
      -- the other matches are walked in name order on the second, each stopping at the limit.
      CREATE INDEX products_by_search_text ON products (search_text) WHERE active = 1;
      CREATE INDEX products_by_name ON products (name) WHERE active = 1;
    `);
  },
};
