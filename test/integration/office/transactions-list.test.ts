/**
 * office.transactions.list and .filters over seeded days, through the real dispatch (validation,
 * manager guard) on a real SQLite file. Every expectation is computed here, in plain TypeScript,
 * from the rows the seeder reports having written: never by the SQL under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../app/host/create-core';
import { storeDayRange } from '../../../app/domain/office/store-day';
import {
  STATUS_FILTER_STATES,
  type StatusFilter,
  type TransactionRow,
  type TransactionsPage,
  type TransactionsQuery,
} from '../../../app/domain/office/transactions';
import { seedHistory, SEEDED_BRANDS, type SeededPayment } from '../../support/history-seed';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoManager } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

const LAST_DAY = '2026-11-20';
let core: Core;
let seeded: SeededPayment[];

beforeAll(async () => {
  const dataDir = freshDataDir('caja-tx-');
  seeded = seedHistory(dataDir, {
    lastDay: LAST_DAY,
    days: 4,
    paymentsPerDay: 260,
    seed: 42,
    collect: true,
  }).rows;
  core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger });
  await signInDemoManager(core);
});
afterAll(() => core.close());

async function list(query: TransactionsQuery): Promise<TransactionsPage> {
  const reply = await core.dispatch('office.transactions.list', query);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as TransactionsPage;
}

/** Every page of a query, following the cursor. */
async function allPages(
  query: TransactionsQuery,
): Promise<{ rows: TransactionRow[]; first: TransactionsPage }> {
  const first = await list(query);
  const rows = [...first.rows];
  let cursor = first.nextCursor;
  while (cursor) {
    const page = await list({ ...query, cursor });
    expect(page.totals).toBeNull();
    rows.push(...page.rows);
    cursor = page.nextCursor;
  }
  return { rows, first };
}

/** The expected rows of a query, newest first, computed without SQL. */
function expected(
  query: TransactionsQuery,
  match: (p: SeededPayment) => boolean = () => true,
): SeededPayment[] {
  const { start, end } = storeDayRange('America/Mexico_City', query.from, query.to ?? query.from);
  const states = new Set((query.statuses ?? []).flatMap((s: StatusFilter) => STATUS_FILTER_STATES[s]));
  return seeded
    .filter((p) => p.createdAt >= start && p.createdAt < end)
    .filter((p) => states.size === 0 || states.has(p.status))
    .filter(match)
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

function totalsOf(rows: SeededPayment[]) {
  const approved = rows.filter((p) => p.status === 'approved');
  const sum = (ps: SeededPayment[], f: (p: SeededPayment) => number) => ps.reduce((s, p) => s + f(p), 0);
  return {
    count: rows.length,
    amount: sum(rows, (p) => p.amount),
    tips: sum(rows, (p) => p.tip),
    approvedCount: approved.length,
    approvedAmount: sum(approved, (p) => p.amount),
    approvedTips: sum(approved, (p) => p.tip),
  };
}

async function expectQuery(query: TransactionsQuery, match?: (p: SeededPayment) => boolean): Promise<number> {
  const want = expected(query, match);
  const { rows, first } = await allPages(query);
  expect(rows.map((r) => r.id)).toEqual(want.map((p) => p.id));
  expect(first.totals).toEqual(totalsOf(want));
  return want.length;
}

describe('office.transactions.list over seeded days', () => {
  it('pages through a range newest first, every row exactly once, ties on the same millisecond included', async () => {
    const query = { from: '2026-11-17', to: LAST_DAY, limit: 37 };
    const { rows } = await allPages(query);
    expect(rows).toHaveLength(seeded.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(seeded.length);
    // The seeder puts some payments on the same millisecond: the tie-break by id must hold across pages.
    const times = seeded.map((p) => p.createdAt);
    expect(new Set(times).size).toBeLessThan(times.length);
    await expectQuery(query);
  });

  it('keeps to the Mexico City day and totals the whole filtered set, approved apart', async () => {
    const n = await expectQuery({ from: '2026-11-18' });
    expect(n).toBe(260);
    const page = await list({ from: '2026-11-18', limit: 10 });
    expect(page.rows).toHaveLength(10);
    expect(page.totals?.count).toBe(260);
    expect(page.totals!.approvedAmount).toBeLessThan(page.totals!.amount);
  });

  it('filters by status (in-flight and refund-requested included), tender, terminal, cashier, brand and amount', async () => {
    const range = { from: '2026-11-17', to: LAST_DAY };
    expect(await expectQuery({ ...range, statuses: ['approved'] })).toBeGreaterThan(0);
    expect(await expectQuery({ ...range, statuses: ['declined', 'canceled', 'expired'] })).toBeGreaterThan(0);
    expect(await expectQuery({ ...range, statuses: ['refunded'] })).toBeGreaterThan(0);
    await expectQuery({ ...range, statuses: ['unknown', 'pending', 'failed'] });
    expect(await expectQuery({ ...range, tender: 'cash' }, (p) => p.method === 'cash')).toBeGreaterThan(0);
    expect(
      await expectQuery({ ...range, terminalSerial: 'CAJA02' }, (p) => p.terminalSerial === 'CAJA02'),
    ).toBeGreaterThan(0);
    const marta = seeded.find((p) => p.createdBy !== 1)!.createdBy;
    expect(await expectQuery({ ...range, cashierId: marta }, (p) => p.createdBy === marta)).toBeGreaterThan(
      0,
    );
    const brand = SEEDED_BRANDS[2];
    expect(
      await expectQuery({ ...range, cardBrand: brand, tender: 'card' }, (p) => p.cardBrand === brand),
    ).toBeGreaterThan(0);
    const between = (p: SeededPayment) => p.amount >= 20_000 && p.amount <= 50_000;
    expect(await expectQuery({ ...range, amountMin: 20_000, amountMax: 50_000 }, between)).toBeGreaterThan(0);
  });

  it('searches by unique reference (prefix), authorization code and last four digits', async () => {
    const range = { from: '2026-11-17', to: LAST_DAY };
    const target = seeded.find((p) => p.authorizationCode && p.last4 && p.day === '2026-11-19')!;
    const byRef = await list({ ...range, search: target.uniqueReference! });
    expect(byRef.rows.map((r) => r.id)).toEqual([target.id]);
    const prefix = target.uniqueReference!.slice(0, -1);
    await expectQuery({ ...range, search: prefix }, (p) => p.uniqueReference?.startsWith(prefix) === true);
    const code = target.authorizationCode!;
    await expectQuery({ ...range, search: code.toLowerCase() }, (p) => p.authorizationCode === code);
    const last4 = target.last4!;
    const n = await expectQuery(
      { ...range, search: last4 },
      (p) =>
        p.last4 === last4 || p.authorizationCode === last4 || p.uniqueReference?.startsWith(last4) === true,
    );
    expect(n).toBeGreaterThanOrEqual(1);
    await expectQuery({ ...range, search: last4, statuses: ['approved'] }, (p) => p.last4 === last4);
    expect((await list({ ...range, search: 'NO-SUCH-REF' })).totals?.count).toBe(0);
  });

  it('refuses a bad cursor, an inverted or too long range and unknown fields', async () => {
    const codes = await Promise.all(
      [
        { from: LAST_DAY, cursor: 'bm90LWEtY3Vyc29y' },
        { from: LAST_DAY, to: '2026-11-01' },
        { from: '2024-01-01', to: LAST_DAY },
        { from: '2026-02-30' },
        { from: LAST_DAY, offset: 50 },
      ].map(async (args) => {
        const reply = await core.dispatch('office.transactions.list', args);
        return reply.ok ? 'ok' : reply.error.code;
      }),
    );
    expect(codes).toEqual(codes.map(() => 'validation_failed'));
  });
});

describe('office.transactions.filters', () => {
  it('offers the terminals, users and card brands seen', async () => {
    const reply = await core.dispatch('office.transactions.filters', {});
    expect(reply.ok).toBe(true);
    const value = (
      reply as {
        value: { terminals: { serial: string }[]; cashiers: { name: string }[]; cardBrands: string[] };
      }
    ).value;
    expect(value.terminals.map((t) => t.serial)).toEqual(expect.arrayContaining(['CAJA01', 'CAJA02']));
    expect(value.cardBrands).toEqual(
      [...new Set(seeded.flatMap((p) => (p.cardBrand ? [p.cardBrand] : [])))].sort(),
    );
    expect(value.cashiers.map((c) => c.name)).toEqual(expect.arrayContaining(['Ana López', 'Marta Ruiz']));
  });
});
