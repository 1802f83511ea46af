import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { ShiftsContract } from '../../../app/api/office/shifts.contract';
import { emptyTotals } from '../../../app/infra/db/office/reports/report-breakdowns';

type AreaChannel = keyof ShiftsContract;

const DAY = '2026-11-23';

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const shiftsSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {
  'office.shifts.current': {},
  'office.shifts.open': { float: 50_000 },
  'office.shifts.cashMovement': { kind: 'in', amount: 10_000, reason: 'Cambio del banco' },
  'office.shifts.close': { denominations: { b500: 1, c10: 3 } },
  'office.shifts.list': { day: DAY },
  'office.reports.daily': { day: DAY, registerId: 0 },
  'office.reports.monthly': { month: '2026-11' },
  'office.reports.reconcile': { day: DAY },
  'office.reports.exportCsv': { day: DAY },
  'office.reports.period': { from: '2026-11-01', to: DAY, registerId: 2 },
  'office.reports.exportPeriodCsv': { from: '2026-11-01', to: DAY },
  'office.reports.exportPeriodXlsx': { from: '2026-11-01', to: DAY },
  'office.reports.exportPdf': { day: DAY },
};

const products = {
  totals: {
    units: 0,
    weighedMilli: 0,
    amount: 0,
    iva: 0,
    net: 0,
    cost: null,
    margin: null,
    marginBp: null,
    unknownCostUnits: 0,
  },
  byProduct: [],
  byDepartment: [],
};
const returns = { count: 0, amount: 0, cash: 0, card: 0, byProduct: [], byDepartment: [] };
const breakdowns = {
  totals: emptyTotals(),
  byRegister: [],
  byTender: [],
  byBrand: [],
  byCashier: [],
  byHour: [],
};
const wholeStore = { registerId: null, registerName: null };

/** Trivial answers for this area's channels (dispatch tests). */
export const shiftsTrivialHandlers: Pick<Handlers, AreaChannel> = {
  'office.shifts.current': () => ({ shift: null, blocking: [] }),
  'office.shifts.open': () => ({ ok: false, error: { code: 'conflict', message: 'sample' } }),
  'office.shifts.cashMovement': () => ({ ok: false, error: { code: 'conflict', message: 'sample' } }),
  'office.shifts.close': () => ({ ok: false, error: { code: 'conflict', message: 'sample' } }),
  'office.shifts.list': () => [],
  'office.reports.daily': ({ day }) => ({
    day,
    from: 0,
    to: 0,
    ...wholeStore,
    ...breakdowns,
    shifts: [],
    cashOutsideShifts: { count: 0, amount: 0, payments: [] },
    products,
    returns,
  }),
  'office.reports.period': ({ from, to }) => ({
    from,
    to,
    start: 0,
    end: 0,
    ...wholeStore,
    totals: emptyTotals(),
    byRegister: [],
    products,
    returns,
  }),
  'office.reports.monthly': ({ month }) => ({ month, ...wholeStore, ...breakdowns, byDay: [] }),
  'office.reports.reconcile': ({ day }) => ({
    day,
    checkedAt: 0,
    checked: 0,
    matched: 0,
    mismatches: [],
    unverified: [],
  }),
  'office.reports.exportCsv': () => ({ fileName: 'z.csv', mimeType: 'text/csv', content: '' }),
  'office.reports.exportPeriodCsv': () => ({ fileName: 'p.csv', mimeType: 'text/csv', content: '' }),
  'office.reports.exportPeriodXlsx': () => ({
    fileName: 'p.xlsx',
    mimeType: 'application/octet-stream',
    base64: '',
  }),
  'office.reports.exportPdf': () => ({ fileName: 'z.pdf', mimeType: 'application/pdf', base64: '' }),
};
