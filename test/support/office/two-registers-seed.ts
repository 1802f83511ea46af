/**
 * A small deterministic store day on two registers (issue 17): the store server's own counter
 * (register 0) and a paired register 2, "Caja del pasillo" (register 1, "Caja de prueba", exists but
 * sells nothing). Sales with one product line each, paid in cash, by card with tips, or split; some
 * card payments declined (no money), refunds confirmed later the same day, one closed shift per
 * register whose stored expected cash is what the test computes from its own cash. Written straight
 * into SQLite, so the tests check the report SQL against their own arithmetic over this list.
 */
import type { Database } from 'better-sqlite3';
import { createRandom } from '../../../common/random/prng';
import { SEED_DAY_START } from './z-report-seed';

const HOUR = 3_600_000;

/** The paired register that sells, and the one that does not. */
export const AISLE_REGISTER = { id: 2, name: 'Caja del pasillo' } as const;
export const IDLE_REGISTER = { id: 1, name: 'Caja de prueba' } as const;
/** The server's own counter, as migration 017 names it. */
export const MAIN_REGISTER = { id: 0, name: 'Caja principal' } as const;

/** One seeded payment. */
export interface TwoRegisterPayment {
  id: number;
  saleId: number;
  registerId: number;
  method: 'cash' | 'card';
  status: 'approved' | 'declined' | 'refunded';
  amount: number;
  tip: number;
  createdAt: number;
  /** When the refund was confirmed (refunded payments), always within the seed day. */
  refundedAt: number | null;
}

/** One seeded sale's product line. */
export interface TwoRegisterLine {
  saleId: number;
  registerId: number;
  productId: number;
  units: number;
  amount: number;
}

/** One closed shift per register, with the expected cash stored at closing. */
export interface TwoRegisterShift {
  registerId: number;
  openedAt: number;
  closedAt: number;
  expected: number;
}

/** What was seeded. */
export interface TwoRegisterHistory {
  payments: TwoRegisterPayment[];
  lines: TwoRegisterLine[];
  shifts: TwoRegisterShift[];
  productIds: number[];
}

/** Inserts the two paired registers (the server's register 0 exists since migration 017). */
export function insertRegisters(db: Database): void {
  const insert = db.prepare(
    `INSERT INTO registers (id, name, credential_hash, paired_at) VALUES (?, ?, randomblob(32), ?)`,
  );
  insert.run(IDLE_REGISTER.id, IDLE_REGISTER.name, SEED_DAY_START);
  insert.run(AISLE_REGISTER.id, AISLE_REGISTER.name, SEED_DAY_START);
}

/** Seeds `sales` sales on registers 0 and 2 within the Mexico City day SEED_DAY. */
export function seedTwoRegisters(db: Database, sales = 60, seed = 17): TwoRegisterHistory {
  const random = createRandom(seed);
  insertRegisters(db);
  const insertProduct = db.prepare(
    `INSERT INTO products (sku, name, search_text, price_centavos, iva_rate_bp, category, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1600, 'Pruebas', 1, ?, ?)`,
  );
  const productIds = [
    ['REG-CAFE', 'Café de olla', 2_500],
    ['REG-PAN', 'Concha', 1_200],
  ].map(([sku, name, price]) =>
    Number(
      insertProduct.run(sku, name, String(name).toLowerCase(), price, SEED_DAY_START, SEED_DAY_START)
        .lastInsertRowid,
    ),
  );
  const insertSale = db.prepare(
    `INSERT INTO sales (status, register_id, cashier_id, opened_at, updated_at, completed_at, total_centavos, iva_centavos)
     VALUES ('completed', @register, 1, @at, @at, @at, @total, @iva)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO sale_lines (sale_id, product_id, sku, name, unit_price_centavos, iva_rate_bp, quantity, added_at)
     VALUES (@saleId, @productId, 'REG', 'Línea', @price, 1600, @units, @at)`,
  );
  // No register_id here: the trigger of migration 017 copies it from the sale.
  const insertPayment = db.prepare(
    `INSERT INTO payments (sale_id, method, status, amount_centavos, tip_centavos, unique_reference, card_brand,
       created_by, created_at, updated_at)
     VALUES (@saleId, @method, @status, @amount, @tip, @ref, @brand, 1, @at, @at)`,
  );
  const insertRefund = db.prepare(
    `INSERT INTO payment_events (payment_id, unique_reference, kind, source, from_status, to_status, at)
     VALUES (?, ?, 'transition', 'kushki_status', 'refund_requested', 'refunded', ?)`,
  );
  const payments: TwoRegisterPayment[] = [];
  const lines: TwoRegisterLine[] = [];
  db.transaction(() => {
    for (let i = 0; i < sales; i++) {
      const registerId = i % 3 === 0 ? AISLE_REGISTER.id : MAIN_REGISTER.id;
      // From 08:00 to 20:00 local, so refunds up to three hours later stay on the day.
      const at = SEED_DAY_START + 8 * HOUR + Math.floor(random() * 12 * HOUR);
      const productIndex = i % 2;
      const price = productIndex === 0 ? 2_500 : 1_200;
      const units = 1 + Math.floor(random() * 4);
      const total = price * units;
      const saleId = Number(
        insertSale.run({ register: registerId, at, total, iva: Math.round((total * 1600) / 11600) })
          .lastInsertRowid,
      );
      insertLine.run({ saleId, productId: productIds[productIndex], price, units, at });
      lines.push({ saleId, registerId, productId: productIds[productIndex]!, units, amount: total });
      const kind = i % 4;
      // 0: cash; 1: card; 2: split cash + card; 3: a declined card, then cash.
      const parts: { method: 'cash' | 'card'; amount: number; status: TwoRegisterPayment['status'] }[] =
        kind === 0
          ? [{ method: 'cash', amount: total, status: 'approved' }]
          : kind === 1
            ? [{ method: 'card', amount: total, status: i % 5 === 0 ? 'refunded' : 'approved' }]
            : kind === 2
              ? [
                  { method: 'cash', amount: Math.floor(total / 2), status: 'approved' },
                  { method: 'card', amount: total - Math.floor(total / 2), status: 'approved' },
                ]
              : [
                  { method: 'card', amount: total, status: 'declined' },
                  { method: 'cash', amount: total, status: 'approved' },
                ];
      parts.forEach((part, j) => {
        const card = part.method === 'card';
        const tip = card && part.status !== 'declined' ? 100 * (1 + Math.floor(random() * 20)) : 0;
        const ref = card ? `reg-${i}-${j}` : null;
        const createdAt = at + j * 1000;
        const id = Number(
          insertPayment.run({
            saleId,
            method: part.method,
            status: part.status,
            amount: part.amount,
            tip,
            ref,
            brand: card ? 'VISA' : null,
            at: createdAt,
          }).lastInsertRowid,
        );
        const refundedAt =
          part.status === 'refunded' ? createdAt + HOUR + Math.floor(random() * 2 * HOUR) : null;
        if (refundedAt !== null) insertRefund.run(id, ref, refundedAt);
        payments.push({ id, saleId, registerId, ...part, tip, createdAt, refundedAt });
      });
    }
  })();
  const shifts = [MAIN_REGISTER.id, AISLE_REGISTER.id].map((registerId) =>
    closedShift(db, payments, registerId),
  );
  return { payments, lines, shifts, productIds };
}

/**
 * A closed 09:00–17:00 shift of a register, its expected cash computed here: the float plus that
 * register's cash taken in the window (no cash refunds or movements in this seed).
 */
function closedShift(db: Database, payments: TwoRegisterPayment[], registerId: number): TwoRegisterShift {
  const openedAt = SEED_DAY_START + 9 * HOUR;
  const closedAt = SEED_DAY_START + 17 * HOUR;
  const float = 50_000;
  const cash = payments
    .filter((p) => p.registerId === registerId && p.method === 'cash' && p.status === 'approved')
    .filter((p) => p.createdAt >= openedAt && p.createdAt < closedAt)
    .reduce((sum, p) => sum + p.amount, 0);
  const expected = float + cash;
  db.prepare(
    `INSERT INTO shifts (register_id, opened_by, opened_at, opening_float_centavos, closed_by, closed_at,
       counted_centavos, expected_centavos, difference_centavos, denominations)
     VALUES (?, 2, ?, ?, 2, ?, ?, ?, 0, '{}')`,
  ).run(registerId, openedAt, float, closedAt, expected, expected);
  return { registerId, openedAt, closedAt, expected };
}
