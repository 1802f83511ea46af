/**
 * A busy store's history, bulk-seeded into a Caja database: deterministic (a seeded PRNG, so the
 * same options give the same rows), fast (prepared statements, one transaction per day, no fsync
 * while seeding) and shaped like real trade: payments of every status and tender, tips, four card
 * brands, two terminals, two cashiers, a minimal ledger. Tests seed a few days and check the
 * queries against the rows returned here; `npm run bench:reports` seeds a year (1,000,000 payments).
 */
import { mkdirSync } from 'node:fs';
import type { Database, Statement } from 'better-sqlite3';
import { databaseFileIn } from '../../app/host/create-core';
import { openDatabase } from '../../app/infra/db/open-database';
import { seedDemoIfEmpty } from '../../app/infra/seed/seed-demo';
import { rebuildProductSalesSummary } from '../../app/infra/db/office/reports/product-sales-summary';
import { hashPinSync } from '../../app/infra/security/pin-hash';
import { nextStoreDay, storeDayStart } from '../../app/domain/office/store-day';
import type { PaymentStatus } from '../../app/domain/payment-status';
import type { TransactionRow } from '../../app/domain/office/transactions';
import { createRandom, randomString } from '../../common/random/prng';

/** Terminals the seeded store uses. */
export const SEEDED_TERMINALS = ['CAJA01', 'CAJA02'] as const;
/** Card brands as Kushki's webhooks name them (cloud-terminal-api.md §3.2). */
export const SEEDED_BRANDS = ['VISA', 'MASTERCARD', 'AMERICAN EXPRESS', 'CARNET'] as const;
/** The second cashier added next to the demo users (PIN 2222). */
export const SECOND_CASHIER = { name: 'Marta Ruiz', pin: '2222' } as const;

/** What to seed. */
export interface HistorySeedOptions {
  /** Last day seeded ('YYYY-MM-DD', Mexico City); the history runs `days` days up to it. */
  lastDay: string;
  days: number;
  paymentsPerDay: number;
  /** PRNG seed: the same seed gives the same history. */
  seed?: number;
  /** Return every seeded payment (tests); leave off for a year (the bench). */
  collect?: boolean;
  /** Progress per seeded day (the bench prints it). */
  onDay?: (day: string, index: number) => void;
}

/** A seeded payment, as the test computes its expectations from it (a list row, plus how it was made). */
export interface SeededPayment extends Omit<TransactionRow, 'cashierName' | 'registerId' | 'registerName'> {
  /** Its Mexico City day. */
  day: string;
  createdBy: number;
  /** Whether its ledger holds a (seeded) approval webhook. */
  webhook: boolean;
  /** Whether that webhook also came twice, followed by a stale decline. */
  webhookFaults: boolean;
}

/** What was seeded. */
export interface HistorySeedSummary {
  firstDay: string;
  lastDay: string;
  payments: number;
  cashierIds: number[];
  /** Present with `collect`. */
  rows: SeededPayment[];
}

/** Picks from weighted choices. */
function weighted<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  let r = random() * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of choices) {
    r -= weight;
    if (r < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

const CARD_STATUSES: readonly (readonly [PaymentStatus, number])[] = [
  ['approved', 800],
  ['declined', 70],
  ['canceled', 30],
  ['expired', 20],
  ['failed', 10],
  ['refunded', 20],
  ['refund_requested', 5],
  ['unknown', 5],
  ['sent', 3],
  ['requested', 2],
];
const BRAND_WEIGHTS = [50, 35, 8, 7] as const;
const AUTH_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function addDays(day: string, n: number): string {
  let d = day;
  for (let i = 0; i < n; i++) d = nextStoreDay(d);
  return d;
}

/** The first day of a `days`-long history ending on `lastDay`. */
export function firstDayOf(lastDay: string, days: number): string {
  const [y, m, d] = lastDay.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - (days - 1))).toISOString().slice(0, 10);
}

function ensureSecondCashier(db: Database): number[] {
  const find = db.prepare('SELECT id FROM users WHERE name = ?').pluck();
  let second = find.get(SECOND_CASHIER.name) as number | undefined;
  if (second === undefined) {
    second = Number(
      db
        .prepare(`INSERT INTO users (name, role, pin_hash, created_at) VALUES (?, 'cashier', ?, ?)`)
        .run(SECOND_CASHIER.name, hashPinSync(SECOND_CASHIER.pin), Date.now()).lastInsertRowid,
    );
  }
  const ana = find.get('Ana López') as number;
  return [ana, second];
}

/** What one seeded approval's webhooks say. */
interface WebhookFacts {
  id: number;
  reference: string | null;
  at: number;
  amount: number;
  tip: number;
  auth: string | null;
  brand: string | null;
  last4: string | null;
  faults: boolean;
}

/** The approval's webhook rows, as inbound-webhooks.service.ts writes them; with `faults`, a copy and a stale decline. */
function seedWebhooks(insertEvent: Statement, w: WebhookFacts): void {
  const approval = {
    result: 'aprobada',
    uniqueReference: w.reference,
    transactionType: 'venta',
    authorizationTime: new Date(w.at).toISOString(),
    authorization: w.auth,
    creditcard: `************${w.last4}`,
    cardtype: w.brand,
    amount: (w.amount / 100).toFixed(2),
    tip: (w.tip / 100).toFixed(2),
  };
  const row = (body: object, detail: string, at: number) =>
    insertEvent.run(
      w.id,
      w.reference,
      'webhook',
      'relay',
      null,
      null,
      detail,
      JSON.stringify(body),
      null,
      at,
    );
  row(approval, 'sale:aprobada', w.at + 19_000);
  if (!w.faults) return;
  row(approval, 'sale:aprobada', w.at + 21_000);
  const stale = {
    ...approval,
    result: 'rechazada',
    authorization: undefined,
    authorizationTime: new Date(w.at - 1_000).toISOString(),
  };
  row(stale, 'sale:rechazada', w.at + 22_000);
}

/** Seeds into an open database (migrated, demo users present). */
export function seedHistoryInto(db: Database, options: HistorySeedOptions): HistorySeedSummary {
  const random = createRandom(options.seed ?? 7);
  const cashierIds = ensureSecondCashier(db);
  const insertSale = db.prepare(`INSERT INTO sales (status, cashier_id, opened_at, updated_at, completed_at,
      total_centavos, iva_centavos) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = db.prepare(`INSERT INTO sale_lines (sale_id, product_id, sku, name, unit_price_centavos,
      iva_rate_bp, quantity, added_at) VALUES (?, 1, 'HIST', 'Venta de mostrador', ?, 1600, 1, ?)`);
  const insertPayment =
    db.prepare(`INSERT INTO payments (sale_id, method, status, amount_centavos, tip_centavos,
      tendered_centavos, change_centavos, identifier, unique_reference, terminal_serial, kushki_status,
      transaction_id, authorization_code, card_brand, card_last4, created_by, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(`INSERT INTO payment_events (payment_id, unique_reference, kind, source,
      from_status, to_status, detail, raw_payload, actor_user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const firstDay = firstDayOf(options.lastDay, options.days);
  const rows: SeededPayment[] = [];
  let count = 0;
  // Seeding is rebuildable test data: no fsync per day. Restored before returning.
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  const seedDay = db.transaction((day: string) => {
    const open = storeDayStart(day, 'America/Mexico_City') + 8 * 3_600_000;
    // Opening hours 08:00–22:00; sorted so ids grow with time as they do in a real store.
    const times = Array.from(
      { length: options.paymentsPerDay },
      () => open + Math.floor(random() * 14 * 3_600_000),
    );
    times.sort((a, b) => a - b);
    // Every 40th payment shares the previous one's millisecond: paging must break such ties.
    for (let i = 40; i < times.length; i += 40) times[i] = times[i - 1]!;
    for (let n = 0; n < times.length; n++) {
      const at = times[n]!;
      const card = random() < 0.85;
      const status: PaymentStatus = card ? weighted(random, CARD_STATUSES) : 'approved';
      const amount = 1_000 + Math.floor(random() ** 2 * 250_000);
      const tip =
        card && status === 'approved' && random() < 0.3
          ? Math.round((amount * [10, 15, 20][n % 3]!) / 100)
          : 0;
      const cashier = cashierIds[random() < 0.6 ? 0 : 1]!;
      const reference = card ? `H${day.replaceAll('-', '')}-${String(n).padStart(5, '0')}` : null;
      const reached = status !== 'requested' && status !== 'sent' && status !== 'failed';
      const brand =
        card && reached
          ? SEEDED_BRANDS[
              weighted(
                random,
                BRAND_WEIGHTS.map((w, i) => [i, w] as const),
              )
            ]!
          : null;
      const last4 = brand ? String(Math.floor(random() * 10_000)).padStart(4, '0') : null;
      const held = status === 'approved' || status === 'refunded' || status === 'refund_requested';
      const auth = card && held ? randomString(random, AUTH_ALPHABET, 6) : null;
      const terminal = card ? SEEDED_TERMINALS[random() < 0.7 ? 0 : 1] : null;
      const completed = held || !card;
      const withWebhook = card && held && n % 20 === 0;
      // Every 100th of a day also got its webhook twice and a stale decline after it (what the relay can pass).
      const withFaults = withWebhook && n % 100 === 0;
      const saleId = Number(
        insertSale.run(
          completed ? 'completed' : 'voided',
          cashier,
          at - 60_000,
          at,
          completed ? at : null,
          amount,
          Math.round((amount * 16) / 116),
        ).lastInsertRowid,
      );
      if (n % 10 === 0) insertLine.run(saleId, amount, at - 60_000);
      const tendered = card ? null : Math.ceil(amount / 10_000) * 10_000;
      const id = Number(
        insertPayment.run(
          saleId,
          card ? 'card' : 'cash',
          status,
          amount,
          tip,
          tendered,
          tendered === null ? null : tendered - amount,
          reference,
          reference,
          terminal,
          held ? 'APPROVED' : null,
          held ? `T${saleId}` : null,
          auth,
          brand,
          last4,
          cashier,
          at,
          at,
        ).lastInsertRowid,
      );
      // A minimal ledger: how it started and where it ended; every 20th approval also has its webhook.
      insertEvent.run(
        id,
        reference,
        card ? 'created' : 'cash_received',
        'cashier',
        null,
        card ? null : 'approved',
        null,
        null,
        cashier,
        at,
      );
      if (card && status !== 'requested') {
        insertEvent.run(
          id,
          reference,
          'transition',
          'kushki_status',
          'sent',
          status,
          null,
          null,
          null,
          at + 20_000,
        );
        if (withWebhook)
          seedWebhooks(insertEvent, {
            id,
            reference,
            at,
            amount,
            tip,
            auth,
            brand,
            last4,
            faults: withFaults,
          });
      }
      count++;
      if (options.collect) {
        rows.push({
          id,
          saleId,
          createdAt: at,
          day,
          method: card ? 'card' : 'cash',
          status,
          amount,
          tip,
          cardBrand: brand,
          last4,
          authorizationCode: auth,
          uniqueReference: reference,
          terminalSerial: terminal,
          createdBy: cashier,
          webhook: withWebhook,
          webhookFaults: withFaults,
        });
      }
    }
  });
  try {
    for (let i = 0; i < options.days; i++) {
      const day = addDays(firstDay, i);
      seedDay(day);
      options.onDay?.(day, i);
    }
    // The sales were written around the completion path, which keeps the summary: build it as it would be.
    rebuildProductSalesSummary(db);
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { firstDay, lastDay: options.lastDay, payments: count, cashierIds, rows };
}

/** Seeds into the database of a data directory (created and migrated as the app would). */
export function seedHistory(dataDir: string, options: HistorySeedOptions): HistorySeedSummary {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(databaseFileIn(dataDir));
  try {
    seedDemoIfEmpty(db, Date.now());
    return seedHistoryInto(db, options);
  } finally {
    db.close();
  }
}
