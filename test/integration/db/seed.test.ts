import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidEan13 } from '../../../app/domain/ean13';
import { openDatabase } from '../../../app/infra/db/open-database';
import { DEMO_PRODUCTS, DEMO_USERS } from '../../../app/infra/seed/demo-catalog';
import { seedDemoIfEmpty } from '../../../app/infra/seed/seed-demo';
import { verifyPin } from '../../../app/infra/security/pin-hash';
import { freshDataDir } from '../../support/web-shell';

describe('demo seed', () => {
  it('fills a fresh store with a realistic catalog and the two demo users, once', async () => {
    const db = openDatabase(join(freshDataDir('caja-seed-'), 'caja.sqlite'));
    expect(seedDemoIfEmpty(db, 1_000)).toBe(true);
    const products = db
      .prepare(
        `SELECT sku, code AS barcode, price_centavos, iva_rate_bp
           FROM products JOIN product_barcodes ON product_barcodes.product_id = products.id`,
      )
      .all() as {
      sku: string;
      barcode: string;
      price_centavos: number;
      iva_rate_bp: number;
    }[];
    expect(products.length).toBeGreaterThanOrEqual(55);
    expect(products.length).toBeLessThanOrEqual(70);
    // Products sold by weight are found by their scale PLU (issue 14); every other one by a 750 EAN-13.
    const weighed = new Set(DEMO_PRODUCTS.filter((p) => p.plu).map((p) => p.plu));
    expect(weighed.size).toBeGreaterThan(0);
    expect(
      products.every(
        (p) => weighed.has(p.barcode) || (isValidEan13(p.barcode) && p.barcode.startsWith('750')),
      ),
    ).toBe(true);
    expect(new Set(products.map((p) => p.barcode)).size).toBe(products.length);
    expect(products.every((p) => Number.isInteger(p.price_centavos) && p.price_centavos > 0)).toBe(true);
    const zeroRated = products.filter((p) => p.iva_rate_bp === 0).length;
    expect(zeroRated).toBeGreaterThan(0);
    expect(products.length - zeroRated).toBeGreaterThan(0);

    const users = db.prepare(`SELECT name, role, pin_hash FROM users ORDER BY id`).all() as {
      name: string;
      role: string;
      pin_hash: string;
    }[];
    expect(users.map((u) => u.role)).toEqual(['cashier', 'manager']);
    for (const [i, demo] of DEMO_USERS.entries()) {
      const stored = users[i]?.pin_hash ?? '';
      expect(stored).not.toContain(demo.pin);
      await expect(verifyPin(demo.pin, stored)).resolves.toBe(true);
      await expect(verifyPin('0000', stored)).resolves.toBe(false);
    }

    expect(seedDemoIfEmpty(db, 2_000)).toBe(false);
    expect((db.prepare(`SELECT COUNT(*) AS n FROM users`).get() as { n: number }).n).toBe(2);
    db.close();
  });
});
