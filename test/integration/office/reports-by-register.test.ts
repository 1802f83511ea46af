/**
 * The office by register (issue 17, deliverable 3): sales on registers 0 and 2 in one real SQLite
 * file, read through the real dispatch (validation, manager guard, handlers, services, SQL). Every
 * figure expected here is summed in plain TypeScript from the seeded list, never by the SQL under
 * test: per-register totals add up to the store's, a register filter returns only that register,
 * the Z report's per-register table has the right card, cash and tip figures and each drawer's
 * expected cash, and the register's name reaches the transactions list and the CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgsOf, Channel } from '../../../app/api/contract';
import type {
  DailyReport,
  ExportedText,
  PeriodReport,
  RegisterBreakdownRow,
} from '../../../app/domain/office/reports';
import type {
  PaymentDetailView,
  TransactionFilterChoices,
  TransactionsPage,
} from '../../../app/domain/office/transactions';
import { createCore, databaseFileIn, type Core } from '../../../app/host/create-core';
import { openDatabase } from '../../../app/infra/db/open-database';
import { rebuildProductSalesSummary } from '../../../app/infra/db/office/reports/product-sales-summary';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoManager } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';
import { SEED_DAY, SEED_DAY_END, SEED_DAY_START } from '../../support/office/z-report-seed';
import {
  AISLE_REGISTER,
  IDLE_REGISTER,
  MAIN_REGISTER,
  seedTwoRegisters,
  type TwoRegisterHistory,
  type TwoRegisterPayment,
} from '../../support/office/two-registers-seed';

let core: Core;
let seeded: TwoRegisterHistory;
let auditedPayment: number;

beforeAll(async () => {
  const dataDir = freshDataDir('caja-by-register-');
  // The core migrates and seeds the demo store; the history goes in directly, then the core reopens it.
  createCore({ dataDir, shell: 'web', logger: recordingLogger().logger }).close();
  const db = openDatabase(databaseFileIn(dataDir));
  seeded = seedTwoRegisters(db);
  // Two audit entries about a register-2 payment: one taken at that register, one by no register.
  auditedPayment = seeded.payments.find((p) => p.registerId === AISLE_REGISTER.id)!.id;
  const audit = db.prepare(
    `INSERT INTO audit_log (at, actor_user_id, action, subject, details, register_id)
     VALUES (?, 2, ?, ?, '{}', ?)`,
  );
  audit.run(SEED_DAY_START + 1, 'payment.note', `payment:${auditedPayment}`, AISLE_REGISTER.id);
  audit.run(SEED_DAY_START + 2, 'payment.reconciled', `payment:${auditedPayment}`, null);
  // Raw inserts bypass the completion path that feeds the hourly summary (migration 013).
  rebuildProductSalesSummary(db);
  db.close();
  core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger });
  await signInDemoManager(core);
});
afterAll(() => core.close());

async function call<T>(channel: Channel, args: ArgsOf<typeof channel>): Promise<T> {
  const reply = await core.dispatch(channel, args as never);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/** A register row's figures the seed can check (it does not model IVA per payment). */
type Expected = Omit<RegisterBreakdownRow, 'key' | 'label' | 'iva'>;

/** A register's (or, with null, the store's) figures of the seed day, summed by hand. */
function expectedOf(registerId: number | null): Expected {
  const mine = (p: TwoRegisterPayment) => registerId === null || p.registerId === registerId;
  const took = seeded.payments.filter((p) => mine(p) && p.status !== 'declined');
  const refunded = seeded.payments.filter((p) => mine(p) && p.refundedAt !== null);
  const sum = (ps: TwoRegisterPayment[], f: (p: TwoRegisterPayment) => number) =>
    ps.reduce((total, p) => total + f(p), 0);
  const sales = sum(took, (p) => p.amount);
  const refunds = sum(refunded, (p) => p.amount);
  return {
    count: took.length,
    sales,
    tips: sum(took, (p) => p.tip),
    cardSales: sum(
      took.filter((p) => p.method === 'card'),
      (p) => p.amount,
    ),
    cashSales: sum(
      took.filter((p) => p.method === 'cash'),
      (p) => p.amount,
    ),
    refundCount: refunded.length,
    refunds,
    net: sales - refunds,
  };
}

/** The figures of a report row the seed checks (not its IVA, nor a Z row's drawer columns). */
function figures(row: RegisterBreakdownRow): Expected {
  const { count, sales, tips, cardSales, cashSales, refundCount, refunds, net } = row;
  return { count, sales, tips, cardSales, cashSales, refundCount, refunds, net };
}

/** Units sold per product on a register (or the store), from the seeded lines. */
function unitsOf(registerId: number | null): Map<number, number> {
  const units = new Map<number, number>();
  for (const line of seeded.lines)
    if (registerId === null || line.registerId === registerId)
      units.set(line.productId, (units.get(line.productId) ?? 0) + line.units);
  return units;
}

const productUnits = (report: DailyReport | PeriodReport) =>
  new Map(report.products.byProduct.map((p) => [p.productId!, p.units]));

describe('the Z report by register', () => {
  it('lists both registers with their card, cash and tip figures, adding up to the store', async () => {
    const report = await call<DailyReport>('office.reports.daily', { day: SEED_DAY });
    expect(report.registerId).toBeNull();
    const main = expectedOf(MAIN_REGISTER.id);
    const aisle = expectedOf(AISLE_REGISTER.id);
    // The seed must exercise every figure on both registers.
    for (const e of [main, aisle]) {
      expect(e.cardSales).toBeGreaterThan(0);
      expect(e.cashSales).toBeGreaterThan(0);
      expect(e.tips).toBeGreaterThan(0);
      expect(e.refundCount).toBeGreaterThan(0);
    }
    // Register 1 sold nothing and had no shift: it has no row.
    expect(report.byRegister.map((r) => [r.key, r.label])).toEqual([
      [MAIN_REGISTER.id, MAIN_REGISTER.name],
      [AISLE_REGISTER.id, AISLE_REGISTER.name],
    ]);
    expect(figures(report.byRegister[0]!)).toEqual(main);
    expect(figures(report.byRegister[1]!)).toEqual(aisle);
    const { cardSales: _card, cashSales: _cash, ...store } = expectedOf(null);
    expect(report.totals).toMatchObject(store);
    // The rows add up to the store's totals, IVA included.
    for (const field of ['count', 'sales', 'tips', 'iva', 'refundCount', 'refunds', 'net'] as const)
      expect(report.byRegister.reduce((sum, r) => sum + r[field], 0)).toBe(report.totals[field]);
    // Each register's drawer: its own shift and the expected cash stored at its close.
    for (const row of report.byRegister) {
      const shift = seeded.shifts.find((s) => s.registerId === row.key)!;
      expect([row.shiftCount, row.expectedCash]).toEqual([1, shift.expected]);
    }
    expect(report.shifts.map((s) => [s.registerId, s.registerName])).toEqual([
      [MAIN_REGISTER.id, MAIN_REGISTER.name],
      [AISLE_REGISTER.id, AISLE_REGISTER.name],
    ]);
  });

  it('limited to register 2, counts only its payments, drawer, products and outside-shift cash', async () => {
    const report = await call<DailyReport>('office.reports.daily', {
      day: SEED_DAY,
      registerId: AISLE_REGISTER.id,
    });
    expect([report.registerId, report.registerName]).toEqual([AISLE_REGISTER.id, AISLE_REGISTER.name]);
    const { cardSales, cashSales, ...aisle } = expectedOf(AISLE_REGISTER.id);
    expect(report.totals).toMatchObject(aisle);
    expect([
      report.byTender.find((t) => t.key === 'card')?.sales,
      report.byTender.find((t) => t.key === 'cash')?.sales,
    ]).toEqual([cardSales, cashSales]);
    expect(report.byRegister.map((r) => r.key)).toEqual([AISLE_REGISTER.id]);
    expect(report.shifts.map((s) => s.registerId)).toEqual([AISLE_REGISTER.id]);
    expect(productUnits(report)).toEqual(unitsOf(AISLE_REGISTER.id));
    // Cash outside shifts is judged against the register's own drawer.
    const shift = seeded.shifts.find((s) => s.registerId === AISLE_REGISTER.id)!;
    const outside = seeded.payments.filter(
      (p) =>
        p.registerId === AISLE_REGISTER.id &&
        p.method === 'cash' &&
        !(p.createdAt >= shift.openedAt && p.createdAt < shift.closedAt),
    );
    expect(outside.length).toBeGreaterThan(0);
    expect([report.cashOutsideShifts.count, report.cashOutsideShifts.amount]).toEqual([
      outside.length,
      outside.reduce((sum, p) => sum + p.amount, 0),
    ]);
  });

  it('a register with nothing on the day gets an empty report, not an error', async () => {
    const report = await call<DailyReport>('office.reports.daily', {
      day: SEED_DAY,
      registerId: IDLE_REGISTER.id,
    });
    expect([report.totals.count, report.byRegister.length, report.shifts.length]).toEqual([0, 0, 0]);
    expect(report.registerName).toBe(IDLE_REGISTER.name);
  });

  it('refuses a register id that is not a whole number from 0 up, with a clear error', async () => {
    for (const registerId of [-1, 1.5, '2']) {
      const reply = await core.dispatch('office.reports.daily', { day: SEED_DAY, registerId } as never);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('validation_failed');
    }
  });
});

describe('the period report by register', () => {
  it('splits the store into its registers; a register’s products come from its lines', async () => {
    const period = { from: SEED_DAY, to: SEED_DAY };
    const store = await call<PeriodReport>('office.reports.period', period);
    const main = await call<PeriodReport>('office.reports.period', { ...period, registerId: 0 });
    const aisle = await call<PeriodReport>('office.reports.period', { ...period, registerId: 2 });
    expect(productUnits(store)).toEqual(unitsOf(null));
    expect(productUnits(main)).toEqual(unitsOf(MAIN_REGISTER.id));
    expect(productUnits(aisle)).toEqual(unitsOf(AISLE_REGISTER.id));
    // The store's products (hourly summary) are the sum of the registers' (lines), to the centavo.
    expect(main.products.totals.amount + aisle.products.totals.amount).toBe(store.products.totals.amount);
    expect(main.products.totals.iva + aisle.products.totals.iva).toBe(store.products.totals.iva);
    expect(main.totals.net + aisle.totals.net).toBe(store.totals.net);
    expect(store.byRegister.map((r) => figures(r))).toEqual([
      expectedOf(MAIN_REGISTER.id),
      expectedOf(AISLE_REGISTER.id),
    ]);
  });
});

describe('the transactions list by register', () => {
  const day = { from: SEED_DAY };
  const ofRegister = (id: number) => seeded.payments.filter((p) => p.registerId === id);

  it('filters by register and names each row’s register', async () => {
    const page = await call<TransactionsPage>('office.transactions.list', {
      ...day,
      registerId: AISLE_REGISTER.id,
      limit: 200,
    });
    const aisle = ofRegister(AISLE_REGISTER.id);
    expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(aisle.map((p) => p.id));
    expect(page.totals?.count).toBe(aisle.length);
    expect(new Set(page.rows.map((r) => `${r.registerId}:${r.registerName}`))).toEqual(
      new Set([`${AISLE_REGISTER.id}:${AISLE_REGISTER.name}`]),
    );
    const all = await call<TransactionsPage>('office.transactions.list', { ...day, limit: 200 });
    expect(all.totals?.count).toBe(seeded.payments.length);
    const registerOf = new Map(seeded.payments.map((p) => [p.id, p.registerId]));
    const names = new Map<number, string>([
      [MAIN_REGISTER.id, MAIN_REGISTER.name],
      [AISLE_REGISTER.id, AISLE_REGISTER.name],
    ]);
    for (const row of all.rows) expect(row.registerName).toBe(names.get(registerOf.get(row.id)!));
    // Register 0 is a register like the others: its filter is not "no filter".
    const main = await call<TransactionsPage>('office.transactions.list', {
      ...day,
      registerId: 0,
      limit: 200,
    });
    expect(main.totals?.count).toBe(ofRegister(MAIN_REGISTER.id).length);
    const idle = await call<TransactionsPage>('office.transactions.list', { ...day, registerId: 1 });
    expect([idle.rows.length, idle.totals?.count]).toEqual([0, 0]);
  });

  it('a payment’s timeline names the register of each audit entry taken at one', async () => {
    const detail = await call<PaymentDetailView>('office.payments.detail', { paymentId: auditedPayment });
    expect([detail.payment.registerId, detail.payment.registerName]).toEqual([
      AISLE_REGISTER.id,
      AISLE_REGISTER.name,
    ]);
    const audit = detail.timeline.filter((e) => e.origin === 'audit').map((e) => [e.kind, e.registerName]);
    expect(audit).toEqual([
      ['payment.note', AISLE_REGISTER.name],
      ['payment.reconciled', null],
    ]);
  });

  it('offers every register in the filter choices, the server’s first', async () => {
    const choices = await call<TransactionFilterChoices>('office.transactions.filters', {});
    expect(choices.registers).toEqual([
      { id: MAIN_REGISTER.id, name: MAIN_REGISTER.name, revoked: false },
      { id: IDLE_REGISTER.id, name: IDLE_REGISTER.name, revoked: false },
      { id: AISLE_REGISTER.id, name: AISLE_REGISTER.name, revoked: false },
    ]);
  });
});

describe('the exports by register', () => {
  /** The CSV's rows as arrays of fields (no field of these reports holds a comma or a quote). */
  const rowsOf = (csv: string) =>
    csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .map((line) => line.split(','));
  const pesos = (centavos: number) => (centavos / 100).toFixed(2);

  it('the Z report CSV has the per-register table with each register’s name and figures', async () => {
    const file = await call<ExportedText>('office.reports.exportCsv', { day: SEED_DAY });
    expect(file.fileName).toBe(`reporte-z-${SEED_DAY}.csv`);
    const rows = rowsOf(file.content);
    expect(rows).toContainEqual(['Caja', 'Toda la tienda']);
    for (const register of [MAIN_REGISTER, AISLE_REGISTER]) {
      const e = expectedOf(register.id);
      const shift = seeded.shifts.find((s) => s.registerId === register.id)!;
      expect(rows).toContainEqual([
        register.name,
        String(e.count),
        pesos(e.cardSales),
        pesos(e.cashSales),
        pesos(e.tips),
        String(e.refundCount),
        pesos(e.refunds),
        pesos(e.net),
        '1',
        pesos(shift.expected),
      ]);
      // The shifts table names each shift's register.
      expect(rows.some((r) => r[1] === register.name && r[2] === 'Luis Hernández')).toBe(true);
    }
  });

  it('a register’s CSVs say which register they cover and are named apart', async () => {
    const z = await call<ExportedText>('office.reports.exportCsv', { day: SEED_DAY, registerId: 2 });
    expect(z.fileName).toBe(`reporte-z-${SEED_DAY}-caja-2.csv`);
    expect(rowsOf(z.content)).toContainEqual(['Caja', AISLE_REGISTER.name]);
    expect(z.content).not.toContain(MAIN_REGISTER.name);
    const period = await call<ExportedText>('office.reports.exportPeriodCsv', {
      from: SEED_DAY,
      to: SEED_DAY,
      registerId: 2,
    });
    expect(period.fileName).toBe(`ventas-${SEED_DAY}-a-${SEED_DAY}-caja-2.csv`);
    const e = expectedOf(AISLE_REGISTER.id);
    expect(rowsOf(period.content).map((r) => r.map((c) => c.replace(/^"|"$/g, '')))).toContainEqual([
      AISLE_REGISTER.name,
      String(e.count),
      pesos(e.cardSales),
      pesos(e.cashSales),
      pesos(e.tips),
      String(e.refundCount),
      pesos(e.refunds),
      pesos(e.net),
    ]);
  });

  it('every seeded payment falls on the seed day (the expectations above assume it)', () => {
    for (const p of seeded.payments) {
      expect(p.createdAt).toBeGreaterThanOrEqual(SEED_DAY_START);
      expect(p.refundedAt ?? p.createdAt).toBeLessThan(SEED_DAY_END);
    }
  });
});
