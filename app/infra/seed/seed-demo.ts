import type { Database } from 'better-sqlite3';
import { ean13CheckDigit } from '../../domain/ean13';
import { SqliteCatalogRepo } from '../db/catalog.repo';
import { hashPinSync } from '../security/pin-hash';
import { DEMO_PRODUCTS, DEMO_USERS } from './demo-catalog';

/** Full EAN-13 of a demo product. */
export function demoBarcode(barcode12: string): string {
  return `${barcode12}${ean13CheckDigit(barcode12)}`;
}

/**
 * Seeds the demo catalog and users into a fresh database, once: a store that already has products
 * or users is left untouched, so the seed can never overwrite a real catalog.
 */
export function seedDemoIfEmpty(db: Database, now: number): boolean {
  const catalog = new SqliteCatalogRepo(db);
  const users = (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  if (catalog.count() > 0 || users > 0) return false;
  const insertUser = db.prepare(`INSERT INTO users (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)`);
  const hashed = DEMO_USERS.map((u) => ({ ...u, pinHash: hashPinSync(u.pin) }));
  db.transaction(() => {
    catalog.insertMany(
      DEMO_PRODUCTS.map((p) => ({
        sku: p.sku,
        barcode: p.plu ?? demoBarcode(p.barcode12),
        name: p.name,
        price: p.price,
        ivaRateBp: p.ivaRateBp,
        category: p.category,
        active: true,
        ...(p.plu ? { soldByWeight: true, unit: 'kg' as const } : {}),
      })),
      now,
    );
    for (const u of hashed) insertUser.run(u.name, u.role, u.pinHash, now);
    db.prepare(
      `INSERT INTO audit_log (at, action, subject, details) VALUES (?, 'store.seeded', 'demo', ?)`,
    ).run(now, JSON.stringify({ products: DEMO_PRODUCTS.length, users: DEMO_USERS.length }));
  })();
  return true;
}
