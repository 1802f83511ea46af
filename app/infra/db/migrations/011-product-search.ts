import type { Migration } from './migration';

/**
 * Issue 13, item 6: the counter's search-as-you-type at 50 000 products. [Note: product search index]
 * A trigram FTS5 index over the folded name (search_text, accents already removed), the SKU and
 * the barcodes, one row per product with rowid = products.id. Trigram phrase queries match any
 * substring of three characters or more, exactly the `LIKE '%text%'` the counter has always used, so
 * results do not change; only how they are found. Shorter texts keep the plain scan (see catalog.repo).
 * Triggers keep the index in step with every write to products and product_barcodes, whoever writes
 * (the seed, the office, an import, a later migration).
 */
export const migration011: Migration = {
  version: 11,
  name: 'product search index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE products_fts USING fts5(name, sku, codes, tokenize = 'trigram');
      INSERT INTO products_fts (rowid, name, sku, codes)
        SELECT p.id, p.search_text, p.sku,
               COALESCE((SELECT group_concat(code, ' ') FROM product_barcodes b WHERE b.product_id = p.id), '')
          FROM products p;

      CREATE TRIGGER products_fts_after_insert AFTER INSERT ON products
      BEGIN
        INSERT INTO products_fts (rowid, name, sku, codes) VALUES (new.id, new.search_text, new.sku, '');
      END;
      CREATE TRIGGER products_fts_after_update AFTER UPDATE OF search_text, sku ON products
      BEGIN
        UPDATE products_fts SET name = new.search_text, sku = new.sku WHERE rowid = new.id;
      END;
      CREATE TRIGGER products_fts_after_delete AFTER DELETE ON products
      BEGIN
        DELETE FROM products_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER product_barcodes_fts_after_insert AFTER INSERT ON product_barcodes
      BEGIN
        UPDATE products_fts SET codes = (SELECT group_concat(code, ' ') FROM product_barcodes
                                          WHERE product_id = new.product_id)
         WHERE rowid = new.product_id;
      END;
      CREATE TRIGGER product_barcodes_fts_after_delete AFTER DELETE ON product_barcodes
      BEGIN
        UPDATE products_fts SET codes = COALESCE((SELECT group_concat(code, ' ') FROM product_barcodes
                                                   WHERE product_id = old.product_id), '')
         WHERE rowid = old.product_id;
      END;
      CREATE TRIGGER product_barcodes_fts_after_update AFTER UPDATE ON product_barcodes
      BEGIN
        UPDATE products_fts SET codes = COALESCE((SELECT group_concat(code, ' ') FROM product_barcodes
                                                   WHERE product_id = old.product_id), '')
         WHERE rowid = old.product_id;
        UPDATE products_fts SET codes = (SELECT group_concat(code, ' ') FROM product_barcodes
                                          WHERE product_id = new.product_id)
         WHERE rowid = new.product_id;
      END;

      -- Short texts (see catalog.repo): names starting with the text are a range of the first index,
      -- the other matches are walked in name order on the second, each stopping at the limit.
      CREATE INDEX products_by_search_text ON products (search_text) WHERE active = 1;
      CREATE INDEX products_by_name ON products (name) WHERE active = 1;
    `);
  },
};
