/**
 * Fixture databases "written by" each earlier schema version (issue 16, item 5): a fresh file is
 * taken to version k by migrations 1..k and filled with SQL that version understood — sales,
 * lines, card and cash payments, their events, shifts and a cash movement (from v3), a confirmed
 * refund (from v5). Each writer names the first version it needs, so a new migration (013, 014, …)
 * is covered with no change here: the fixtures run from 1 to MIGRATIONS.length - 1. The SQL names
 * only columns of the version that introduced the table; later migrations add columns with defaults.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from '../../app/infra/db/migrate';
import { MIGRATIONS } from '../../app/infra/db/migrations';

const T = Date.UTC(2026, 10, 20, 17, 0, 0);

/** One block of fixture data and the first schema version it can be written at. */
interface Writer {
  since: number;
  write(db: Database): void;
}

const WRITERS: Writer[] = [
  {
    since: 1,
    write: (db) =>
      db.exec(`
        INSERT INTO users (id, name, role, pin_hash, active, created_at) VALUES
          (1, 'Ana López', 'cashier', 'fixture', 1, ${T}), (2, 'Luis Hernández', 'manager', 'fixture', 1, ${T});
        INSERT INTO products (id, sku, barcode, name, search_text, price_centavos, iva_rate_bp, category, active,
            created_at, updated_at) VALUES
          (1, 'REF-600', '7501055300075', 'Refresco 600 ml', 'refresco 600 ml', 1800, 1600, 'Bebidas', 1, ${T}, ${T}),
          (2, 'PAN-BL', '7501000111206', 'Pan blanco', 'pan blanco', 5000, 0, 'Panadería', 1, ${T}, ${T});
        INSERT INTO sales (id, status, cashier_id, opened_at, updated_at, completed_at, total_centavos, iva_centavos) VALUES
          (1, 'completed', 1, ${T}, ${T + 60_000}, ${T + 60_000}, 3600, 497),
          (2, 'completed', 1, ${T + 120_000}, ${T + 180_000}, ${T + 180_000}, 1800, 248),
          (3, 'completed', 2, ${T + 240_000}, ${T + 300_000}, ${T + 300_000}, 5000, 0),
          (4, 'open', 1, ${T + 360_000}, ${T + 360_000}, NULL, NULL, NULL);
        INSERT INTO sale_lines (id, sale_id, product_id, sku, name, unit_price_centavos, iva_rate_bp, quantity, added_at) VALUES
          (1, 1, 1, 'REF-600', 'Refresco 600 ml', 1800, 1600, 2, ${T}),
          (2, 2, 1, 'REF-600', 'Refresco 600 ml', 1800, 1600, 1, ${T + 120_000}),
          (3, 3, 2, 'PAN-BL', 'Pan blanco', 5000, 0, 1, ${T + 240_000}),
          (4, 4, 2, 'PAN-BL', 'Pan blanco', 5000, 0, 1, ${T + 360_000});
        INSERT INTO payments (id, sale_id, method, status, amount_centavos, tip_centavos, msi, tendered_centavos,
            change_centavos, identifier, unique_reference, terminal_serial, ttl_seconds, kushki_status,
            transaction_id, authorization_code, card_brand, card_last4, created_by, created_at, updated_at) VALUES
          (1, 1, 'card', 'approved', 3600, 360, 0, NULL, NULL, 'idf-1', 'ref-1', 'CAJA01', 120, 'APPROVED',
            'tx-1', 'AUTH01', 'VISA', '4242', 1, ${T + 30_000}, ${T + 60_000}),
          (2, 2, 'cash', 'approved', 1800, 0, 0, 2000, 200, NULL, NULL, NULL, NULL, NULL,
            NULL, NULL, NULL, NULL, 1, ${T + 180_000}, ${T + 180_000}),
          (3, 3, 'card', 'refunded', 5000, 0, 0, NULL, NULL, 'idf-3', 'ref-3', 'CAJA01', 120, 'REFUNDED',
            'tx-3', 'AUTH03', 'MASTERCARD', '5454', 2, ${T + 270_000}, ${T + 400_000});
        INSERT INTO payment_events (id, payment_id, unique_reference, external_id, kind, source, from_status,
            to_status, detail, raw_payload, actor_user_id, at) VALUES
          (1, 1, 'ref-1', NULL, 'push', 'caja', 'requested', 'sent', NULL, NULL, 1, ${T + 30_000}),
          (2, 1, 'ref-1', 'wh-1', 'webhook', 'relay', 'sent', 'approved', NULL, '{"status":"APPROVED"}', NULL, ${T + 60_000}),
          (3, 3, 'ref-3', NULL, 'refund', 'caja', 'approved', 'refunded', NULL, NULL, 2, ${T + 400_000});
      `),
  },
  {
    since: 3,
    write: (db) =>
      db.exec(`
        INSERT INTO shifts (id, register_id, opened_by, opened_at, opening_float_centavos, closed_by, closed_at,
            counted_centavos, expected_centavos, difference_centavos, denominations) VALUES
          (1, 'main', 2, ${T - 3_600_000}, 50000, 2, ${T - 60_000}, 51700, 51800, -100, '{"50000":1,"1700":1}'),
          (2, 'main', 2, ${T}, 50000, NULL, NULL, NULL, NULL, NULL, NULL);
        INSERT INTO cash_movements (id, shift_id, kind, amount_centavos, reason, created_by, created_at) VALUES
          (1, 2, 'out', 1000, 'Pago a proveedor de hielo', 2, ${T + 200_000});
      `),
  },
  {
    since: 5,
    write: (db) =>
      db.exec(`
        INSERT INTO refunds (id, payment_id, amount_centavos, kind, status, reference, requested_by, requested_at,
            sent_at, send_count, updated_at) VALUES
          (1, 3, 5000, 'refund', 'confirmed', 'rf-3', 2, ${T + 390_000}, ${T + 391_000}, 1, ${T + 400_000});
      `),
  },
];

/** The tables the fixture fills at version k, with the figures that must survive any upgrade. */
export const CHECKS: { since: number; table: string; figures: string }[] = [
  { since: 1, table: 'users', figures: 'COUNT(*), group_concat(id || name || role)' },
  { since: 1, table: 'products', figures: 'COUNT(*), SUM(price_centavos), group_concat(sku)' },
  {
    since: 1,
    table: 'sales',
    figures: 'COUNT(*), SUM(total_centavos), SUM(iva_centavos), group_concat(id || status)',
  },
  {
    since: 1,
    table: 'sale_lines',
    figures: 'COUNT(*), SUM(unit_price_centavos), group_concat(sale_id || product_id)',
  },
  {
    since: 1,
    table: 'payments',
    figures:
      "COUNT(*), SUM(amount_centavos), SUM(tip_centavos), SUM(change_centavos), group_concat(id || method || status || COALESCE(unique_reference, ''))",
  },
  {
    since: 1,
    table: 'payment_events',
    figures: "COUNT(*), group_concat(id || kind || COALESCE(to_status, ''))",
  },
  {
    since: 3,
    table: 'shifts',
    figures: 'COUNT(*), SUM(opening_float_centavos), SUM(counted_centavos), SUM(difference_centavos)',
  },
  { since: 3, table: 'cash_movements', figures: 'COUNT(*), SUM(amount_centavos), group_concat(kind)' },
  { since: 5, table: 'refunds', figures: 'COUNT(*), SUM(amount_centavos), group_concat(status)' },
];

/** The newest schema version (the runner wants 1..n in order). */
export const LATEST_VERSION = MIGRATIONS.length;

/** Writes the fixture of schema version `version` to `file` (a fresh path). */
export function writeUpgradeFixture(file: string, version: number): void {
  const db = new BetterSqlite3(file);
  try {
    migrate(db, MIGRATIONS.slice(0, version));
    db.transaction(() => {
      for (const writer of WRITERS) if (writer.since <= version) writer.write(db);
    })();
  } finally {
    db.close();
  }
}

/** The figures of every table the fixture of `version` filled, read from an open database. */
export function fixtureFigures(db: Database, version: number): Record<string, unknown> {
  return Object.fromEntries(
    CHECKS.filter((check) => check.since <= version).map((check) => [
      check.table,
      db.prepare(`SELECT ${check.figures} FROM (SELECT * FROM ${check.table} ORDER BY id)`).raw().get(),
    ]),
  );
}
