/**
 * `npm run bench:reports [-- --data-dir <dir>]`: a year of a busy store (1,000,000 payments, seeded
 * into a fresh data dir unless an existing one is given), then p50/p99 over repeated runs of the
 * manager's queries: the day's transaction list (first page), a filtered search, and the daily and
 * monthly Z report, and (issue 13) sales by product and department over the whole year (from the
 * hourly summary, migration 013, and from the lines as before it, for comparison). Prints the
 * indexes and the query plans used.
 * A benchmark, not a test: it asserts nothing and prints figures. Targets (issue 7): list and
 * search < 50 ms, daily report < 100 ms, monthly < 500 ms; product sales over a year < 200 ms.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { databaseFileIn } from '../../app/host/create-core';
import { openDatabase } from '../../app/infra/db/open-database';
import { dailyReport } from '../../app/infra/db/office/reports/daily-report';
import { monthlyReport } from '../../app/infra/db/office/reports/monthly-report';
import { periodReport } from '../../app/infra/db/office/reports/period-report';
import { productSales, productSalesFromSummary } from '../../app/infra/db/office/reports/product-sales';
import { rebuildProductSalesSummary } from '../../app/infra/db/office/reports/product-sales-summary';
import { dayRange } from '../../app/domain/office/store-day';
import { SqliteTransactionsReadModel } from '../../app/infra/db/office/transactions/transactions.read';
import { SqlitePaymentDetailReadModel } from '../../app/infra/db/office/transactions/payment-detail.read';
import { SqliteFilterChoicesReadModel } from '../../app/infra/db/office/transactions/filter-choices.read';
import {
  paymentFilterOf,
  TransactionsService,
} from '../../app/services/office/transactions/transactions.service';
import type { TransactionsQuery } from '../../app/domain/office/transactions';
import { TerminalsService } from '../../app/services/terminals.service';
import { SqliteSettingsRepo } from '../../app/infra/db/settings.repo';
import { firstDayOf, seedHistory } from '../support/history-seed';
import { freshDataDir } from '../support/web-shell';
import { DEFAULT_STORE_TIME_ZONE } from '../../app/domain/store-time-zone';

// The seed's store is the demo's, in Mexico City.
const ZONE = DEFAULT_STORE_TIME_ZONE;

const LAST_DAY = '2026-11-23';
const DAYS = 365;
const PAYMENTS_PER_YEAR = 1_000_000;
const RUNS = Number(process.env.RUNS ?? 50);

/** One timed case: a name and work that runs the query once. */
export interface BenchCase {
  name: string;
  target: string;
  run: () => unknown;
}

/** What every case may use: the open database and the history's bounds. */
export interface BenchContext {
  db: Database;
  lastDay: string;
  firstDay: string;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function dataDirFromArgs(): { dataDir: string; seed: boolean } {
  const at = process.argv.indexOf('--data-dir');
  const given = at >= 0 ? process.argv[at + 1] : undefined;
  if (given && existsSync(databaseFileIn(given))) return { dataDir: given, seed: false };
  return { dataDir: given ?? freshDataDir('bench-reports-'), seed: true };
}

function seedYear(dataDir: string): void {
  const started = performance.now();
  const summary = seedHistory(dataDir, {
    lastDay: LAST_DAY,
    days: DAYS,
    paymentsPerDay: Math.ceil(PAYMENTS_PER_YEAR / DAYS),
    onDay: (_day, i) => {
      if ((i + 1) % 73 === 0) process.stdout.write(`  seeded ${i + 1}/${DAYS} days\n`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`seeded ${summary.payments.toLocaleString('en')} payments in ${seconds} s into ${dataDir}`);
}

/**
 * The history seed sells one product per sale; a store sells its whole catalog. Spread the lines
 * over the demo catalog (1–4 units, the catalog's price, its department, a cost on two products in
 * three) so the product report groups as many products and departments as a real store's would.
 */
function spreadLinesOverCatalog(db: Database): void {
  const started = performance.now();
  db.exec(`
    UPDATE products SET cost_centavos = CASE WHEN id % 3 = 0 THEN NULL ELSE price_centavos * 7 / 10 END;
    UPDATE sale_lines SET
      product_id = 1 + (id * 7919) % (SELECT COUNT(*) FROM products),
      quantity = 1 + id % 4;
    UPDATE sale_lines SET
      department = (SELECT category FROM products p WHERE p.id = sale_lines.product_id),
      unit_cost_centavos = (SELECT cost_centavos FROM products p WHERE p.id = sale_lines.product_id);
  `);
  rebuildProductSalesSummary(db); // the lines changed under the summary
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`spread the sale lines over the catalog in ${seconds} s`);
}

/** The paired register the bench moves a third of the sales to (issue 17). */
const AISLE_REGISTER = 2;

/**
 * Issue 17: a store with two registers. Every third sale (and its payments) moves to register 2,
 * so the register-filtered cases below read a register with a third of the store's history.
 */
function assignRegisters(db: Database): void {
  db.transaction(() => {
    db.prepare(
      `INSERT OR IGNORE INTO registers (id, name, credential_hash, paired_at) VALUES (?, 'Caja 2', randomblob(32), 0)`,
    ).run(AISLE_REGISTER);
    db.prepare(`UPDATE sales SET register_id = ? WHERE id % 3 = 0`).run(AISLE_REGISTER);
    db.exec(
      `UPDATE payments SET register_id = (SELECT s.register_id FROM sales s WHERE s.id = payments.sale_id)`,
    );
  })();
}

/**
 * Issue 17: one register's reports. Its products are priced from its lines (see [Note: product
 * sales of one register]), so these print what that costs next to the store's summary path.
 */
function registerCases(ctx: BenchContext): BenchCase[] {
  const scope = { registerId: AISLE_REGISTER };
  const end = dayRange(ctx.lastDay, ZONE).end;
  const month = `${ctx.lastDay.slice(0, 8)}01`;
  return [
    {
      name: `daily Z report, register ${AISLE_REGISTER}`,
      target: '(extra)',
      run: () => dailyReport(ctx.db, ctx.lastDay, ZONE, scope),
    },
    {
      name: `product sales, one month, register ${AISLE_REGISTER} (lines)`,
      target: '(extra)',
      run: () => productSalesFromSummary(ctx.db, dayRange(month, ZONE).start, end, AISLE_REGISTER),
    },
    {
      name: `period report, one year, register ${AISLE_REGISTER}`,
      target: '(extra)',
      run: () => periodReport(ctx.db, ctx.firstDay, ctx.lastDay, ZONE, scope),
    },
  ];
}

/** Issue 13: sales by product and department over the whole year (and the period report around it). */
function productCases(ctx: BenchContext): BenchCase[] {
  const start = dayRange(ctx.firstDay, ZONE).start;
  const end = dayRange(ctx.lastDay, ZONE).end;
  const month = `${ctx.lastDay.slice(0, 8)}01`;
  return [
    {
      name: `product + department sales, one year (summary)`,
      target: '< 200 ms',
      run: () => productSalesFromSummary(ctx.db, start, end),
    },
    {
      name: `product + department sales, one month (summary)`,
      target: '(extra)',
      run: () => productSalesFromSummary(ctx.db, dayRange(month, ZONE).start, end),
    },
    {
      name: `product + department sales, one year (lines)`,
      target: '(before)',
      run: () => productSales(ctx.db, start, end),
    },
    {
      name: `period report, one year (money totals + products)`,
      target: '(extra)',
      run: () => periodReport(ctx.db, ctx.firstDay, ctx.lastDay, ZONE),
    },
  ];
}

/** The transactions area's cases: list and search (issue 7, item 1). */
function transactionCases(ctx: BenchContext): {
  cases: BenchCase[];
  queries: Record<string, TransactionsQuery>;
} {
  const service = new TransactionsService({
    list: new SqliteTransactionsReadModel(ctx.db),
    detail: new SqlitePaymentDetailReadModel(ctx.db),
    choices: new SqliteFilterChoicesReadModel(ctx.db),
    terminals: new TerminalsService(new SqliteSettingsRepo(ctx.db), { now: () => Date.now() }),
    timeZone: () => 'America/Mexico_City',
  });
  const monthStart = `${ctx.lastDay.slice(0, 8)}01`;
  // A last-four value that exists in the month, so the search returns rows.
  const last4 = ctx.db
    .prepare(`SELECT card_last4 FROM payments WHERE card_last4 IS NOT NULL ORDER BY id DESC LIMIT 1`)
    .pluck()
    .get() as string;
  const queries: Record<string, TransactionsQuery> = {
    dayList: { from: ctx.lastDay },
    search: { from: monthStart, to: ctx.lastDay, statuses: ['approved', 'refunded'], search: last4 },
    monthFiltered: { from: monthStart, to: ctx.lastDay, tender: 'card', cardBrand: 'AMERICAN EXPRESS' },
    monthApproved: { from: monthStart, to: ctx.lastDay, statuses: ['approved'] },
    yearCashier: { from: ctx.firstDay, to: ctx.lastDay, cashierId: 1, amountMin: 100_000 },
  };
  const firstPage = service.list(queries.monthFiltered!);
  const cursor = firstPage.ok ? (firstPage.value.nextCursor ?? undefined) : undefined;
  return {
    queries,
    cases: [
      {
        name: "day's transaction list, first page + totals",
        target: '< 50 ms',
        run: () => service.list(queries.dayList!),
      },
      {
        name: `search "${last4}" + status, one month`,
        target: '< 50 ms',
        run: () => service.list(queries.search!),
      },
      {
        name: 'one month, card + brand, first page + totals',
        target: '(extra)',
        run: () => service.list(queries.monthFiltered!),
      },
      {
        name: 'one month, card + brand, second page',
        target: '(extra)',
        run: () => service.list({ ...queries.monthFiltered!, cursor }),
      },
      {
        name: 'one month, approved, first page + totals',
        target: '(extra)',
        run: () => service.list(queries.monthApproved!),
      },
      {
        name: 'one year, cashier + amount, first page + totals',
        target: '(extra)',
        run: () => service.list(queries.yearCashier!),
      },
      {
        name: 'filter pickers (distinct terminals, brands)',
        target: '(extra)',
        run: () => service.filters(),
      },
    ],
  };
}

/** The Z report's daily and monthly aggregations (app/infra/db/office/reports) over the same year. */
function reportCases(ctx: BenchContext): BenchCase[] {
  const month = ctx.lastDay.slice(0, 7);
  return [
    {
      name: `daily Z report (${ctx.lastDay})`,
      target: '< 100 ms',
      run: () => dailyReport(ctx.db, ctx.lastDay, 'America/Mexico_City'),
    },
    {
      name: `monthly report (${month})`,
      target: '< 500 ms',
      run: () => monthlyReport(ctx.db, month, 'America/Mexico_City'),
    },
  ];
}

function time(bench: BenchCase): { p50: number; p99: number } {
  for (let i = 0; i < 5; i++) bench.run(); // warm the page cache and the statement cache
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    bench.run();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** How many rows a case's answer covers, so a fast case is seen to have done real work. */
function sizeOf(answer: unknown): string {
  const page = answer as { ok?: boolean; value?: { totals?: { count: number } | null; rows?: unknown[] } };
  if (page?.ok && page.value?.rows) {
    const total = page.value.totals
      ? `of ${page.value.totals.count.toLocaleString('en')} matching`
      : '(later page)';
    return `${page.value.rows.length} rows ${total}`;
  }
  return '';
}

function printIndexes(db: Database): void {
  const rows = db
    .prepare(
      `SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN ('payments', 'payment_events', 'audit_log', 'sales', 'sale_lines') ORDER BY tbl_name, name`,
    )
    .all() as { tbl_name: string; sql: string }[];
  console.log('\nIndexes:');
  for (const r of rows) console.log(`  ${r.sql.replace(/\s+/g, ' ')}`);
}

function main(): void {
  const { dataDir, seed } = dataDirFromArgs();
  if (seed) seedYear(dataDir);
  const db = openDatabase(databaseFileIn(dataDir));
  if (seed) spreadLinesOverCatalog(db);
  if (seed) assignRegisters(db);
  const count = db.prepare('SELECT COUNT(*) FROM payments').pluck().get() as number;
  const ctx: BenchContext = { db, lastDay: LAST_DAY, firstDay: firstDayOf(LAST_DAY, DAYS) };
  console.log(`\n${count.toLocaleString('en')} payments in ${dataDir}; ${RUNS} timed runs per case\n`);
  const transactions = transactionCases(ctx);
  for (const bench of [
    ...transactions.cases,
    ...reportCases(ctx),
    ...productCases(ctx),
    ...registerCases(ctx),
  ]) {
    const { p50, p99 } = time(bench);
    console.log(
      `  ${bench.name.padEnd(52)} p50 ${p50.toFixed(2).padStart(7)} ms   p99 ${p99.toFixed(2).padStart(7)} ms   ${bench.target.padEnd(9)} ${sizeOf(bench.run())}`,
    );
  }
  printIndexes(db);
  const read = new SqliteTransactionsReadModel(db);
  for (const [name, query] of Object.entries(transactions.queries)) {
    const plans = read.plans(paymentFilterOf(query, 'America/Mexico_City'));
    console.log(`\nPlan, ${name} (${JSON.stringify(query)}):`);
    for (const line of plans.page) console.log(`  page:   ${line}`);
    for (const line of plans.totals) console.log(`  totals: ${line}`);
  }
  db.close();
}

main();
