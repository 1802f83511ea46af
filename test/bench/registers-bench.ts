/**
 * `npm run bench:registers [-- --minutes <n>]` (issue 17): one store server web shell and joined
 * register web shells, real processes on 127.0.0.1 (needs `npm run build`). First 1 register, then
 * 3, each ringing one sale a second for `--minutes` (default 10): a few add-to-carts (scans), then a
 * cash payment. Prints add-to-cart p50/p99 per register for both runs, the ratio of the worst
 * three-register p99 to the single register's (target ≤ 1.5×), and the sales lost or duplicated,
 * comparing what each register completed with the server's book. A benchmark: it asserts nothing.
 */
import BetterSqlite3 from 'better-sqlite3';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseFlags } from '../../common/cli/parse-flags';
import type { CashResult } from '../../app/domain/payment-view';
import {
  joinRegister,
  startStoreServer,
  type JoinedRegister,
  type StoreServer,
} from '../support/registers-fixture';

const ITEMS = ['BEB-001', 'BEB-002', 'BEB-003', 'BEB-004'];
const SALE_EVERY_MS = 1_000;

function minutesFromArgs(): number {
  const parsed = parseFlags(process.argv.slice(2), { minutes: { type: 'string' } } as const);
  if (!parsed.ok) throw new Error(`usage: bench:registers [-- --minutes <n>] (${parsed.flag})`);
  const minutes = Number(parsed.values.minutes ?? 10);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error('--minutes must be a positive number');
  return minutes;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface RegisterRun {
  registerId: number;
  addToCart: number[];
  completed: number[];
  refused: number;
}

/**
 * One register ringing a sale a second until `until` (performance.now()), its first sale `offsetMs` in. The
 * registers are spread over the second (register i of n starts i/n s in): cashiers at three counters do not scan
 * on the same millisecond, and in lockstep every scan of one register queued behind the other two's on the
 * server, which measured the alignment rather than the server (set CAJA_BENCH_LOCKSTEP=1 to see it).
 */
async function ring(register: JoinedRegister, until: number, offsetMs: number): Promise<RegisterRun> {
  const run: RegisterRun = { registerId: register.registerId, addToCart: [], completed: [], refused: 0 };
  let next = performance.now() + offsetMs;
  while (next < until) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    next += SALE_EVERY_MS;
    for (const code of ITEMS.slice(0, 3)) {
      const started = performance.now();
      const reply = await register.page.call('sales.cart.scan', { code });
      run.addToCart.push(performance.now() - started);
      if (!reply.ok) run.refused += 1;
    }
    const paid = await register.page.call<CashResult>('payments.cash.pay', { tendered: 1_000_000 });
    if (paid.ok && paid.value?.saleCompleted) run.completed.push(paid.value.payment.saleId);
    else run.refused += 1;
  }
  return run;
}

/** The server's completed sales per register (the book). */
function bookOf(server: StoreServer): Map<number, number[]> {
  const db = new BetterSqlite3(join(server.shell.dataDir, 'caja.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT id, register_id AS registerId FROM sales WHERE status = 'completed'`)
      .all() as { id: number; registerId: number }[];
    const book = new Map<number, number[]>();
    for (const row of rows) book.set(row.registerId, [...(book.get(row.registerId) ?? []), row.id]);
    return book;
  } finally {
    db.close();
  }
}

/** Cash payments per completed sale on the book: more than one would be a sale paid twice. */
function paymentsPerSale(server: StoreServer): Map<number, number> {
  const db = new BetterSqlite3(join(server.shell.dataDir, 'caja.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT sale_id AS saleId, count(*) AS n FROM payments WHERE status = 'approved' GROUP BY sale_id`,
      )
      .all() as { saleId: number; n: number }[];
    return new Map(rows.map((row) => [row.saleId, row.n]));
  } finally {
    db.close();
  }
}

async function phase(registers: number, minutes: number) {
  const server = await startStoreServer();
  const joined: JoinedRegister[] = [];
  try {
    for (let i = 0; i < registers; i += 1) {
      const pin = String(510_000 + i * 1_111);
      const user = await server.page.value<{ id: number }>('office.users.add', {
        name: `Cajero banco ${i + 1}`,
        role: 'cashier',
        pin,
      });
      const register = await joinRegister(server, `Caja banco ${i + 1}`);
      await register.page.value('session.signIn', { userId: user.id, pin });
      joined.push(register);
    }
    const until = performance.now() + minutes * 60_000;
    const lockstep = process.env.CAJA_BENCH_LOCKSTEP === '1';
    const runs = await Promise.all(
      joined.map((register, i) => ring(register, until, lockstep ? 0 : (i * SALE_EVERY_MS) / registers)),
    );
    const book = bookOf(server);
    const perSale = paymentsPerSale(server);
    let lost = 0;
    let duplicated = 0;
    for (const run of runs) {
      const onBook = new Set(book.get(run.registerId) ?? []);
      lost += run.completed.filter((id) => !onBook.has(id)).length;
      duplicated += run.completed.length - new Set(run.completed).size;
      // A sale on the book the register never saw complete, or paid more than once, counts too.
      duplicated += [...onBook].filter((id) => !run.completed.includes(id)).length;
      duplicated += run.completed.filter((id) => (perSale.get(id) ?? 0) > 1).length;
    }
    return { runs, lost, duplicated };
  } finally {
    for (const register of joined) {
      register.page.close();
      await register.shell.stop();
    }
    server.page.close();
    await server.shell.stop();
  }
}

function report(label: string, result: Awaited<ReturnType<typeof phase>>): number {
  let worst = 0;
  for (const run of result.runs) {
    const p50 = percentile(run.addToCart, 50);
    const p99 = percentile(run.addToCart, 99);
    worst = Math.max(worst, p99);
    console.log(
      `${label} register ${run.registerId}: ${run.completed.length} sales, ${run.addToCart.length} add-to-carts, ` +
        `p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, refused ${run.refused}`,
    );
  }
  console.log(`${label}: lost ${result.lost}, duplicated ${result.duplicated}`);
  return worst;
}

async function main() {
  const minutes = minutesFromArgs();
  console.log(
    `bench:registers — ${minutes} min per run, one sale a second per register ` +
      `(${process.env.CAJA_BENCH_LOCKSTEP === '1' ? 'in lockstep' : 'spread over the second'}), ` +
      `load ${loadavg()[0]?.toFixed(2)}`,
  );
  const single = report('1 register ', await phase(1, minutes));
  const three = report('3 registers', await phase(3, minutes));
  console.log(
    `add-to-cart p99: worst of 3 registers ${three.toFixed(1)} ms / single ${single.toFixed(1)} ms = ` +
      `${(three / single).toFixed(2)}× (target ≤ 1.5×); load average now ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
