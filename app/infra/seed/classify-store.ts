import type { Database } from 'better-sqlite3';
import { DEMO_PRODUCTS, DEMO_USERS } from './demo-catalog';

/**
 * Whether an existing database (a data directory older than the store pointer) is the demo or a
 * real store. See [Note: demo and real store]. Conservative: anything the demo seed did not put
 * there — environment dev or live, another user, another product, a store name of its own — makes
 * it `real`, because calling a real store "demo" would let the wizard start beside it and the
 * shop's books be taken for training data, while calling a demo "real" only costs a fresh demo.
 */
export function classifyExistingStore(db: Database): 'demo' | 'real' {
  const setting = (key: string) =>
    (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  const environment = setting('kushki.environment');
  if (environment === 'dev' || environment === 'live') return 'real';
  const storeName = setting('store.name');
  if (storeName !== undefined && storeName !== 'Abarrotes La Esperanza (demo)') return 'real';
  const demoUsers = new Set<string>(DEMO_USERS.map((u) => u.name));
  const users = db.prepare('SELECT name FROM users').all() as { name: string }[];
  if (users.some((u) => !demoUsers.has(u.name))) return 'real';
  const demoSkus = new Set(DEMO_PRODUCTS.map((p) => p.sku.toUpperCase()));
  const products = db.prepare('SELECT sku FROM products').all() as { sku: string }[];
  if (products.some((p) => !demoSkus.has(p.sku.toUpperCase()))) return 'real';
  return 'demo';
}
