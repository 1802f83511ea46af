import { z } from 'zod';
import { DENOMINATIONS, type DenominationId } from '../../domain/office/shifts';
import { PERIOD_MAX_DAYS } from '../../domain/office/reports';
import { isStoreDay, isStoreMonth, storeDaysBetween } from '../../domain/office/store-day';
import type { ShiftsContract } from './shifts.contract';

// A drawer never holds ten million pesos; amounts are integer centavos.
const drawerCentavos = z.number().int().min(0).max(1_000_000_000);
const day = z.string().refine(isStoreDay, 'expected a calendar day YYYY-MM-DD');
const dayArgs = z.object({ day }).strict();
// Issue 17: a report of one register; register 0 is the store server's own counter.
const registerId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional();
const reportDayArgs = z.object({ day, registerId }).strict();
const periodArgs = z
  .object({ from: day, to: day, registerId })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] })
  .refine((p) => storeDaysBetween(p.from, p.to) <= PERIOD_MAX_DAYS, {
    message: `at most ${PERIOD_MAX_DAYS} days`,
    path: ['to'],
  });
// Up to 100 000 of one bill or coin: far above any drawer, low enough to keep totals exact.
const pieces = z.number().int().min(0).max(100_000);
// A reason is one line a manager types. Control characters (C0, DEL, C1) are refused here: a NUL
// passed zod and then failed the table's CHECK (SQLite's length() stops at NUL) as `internal`.
const CONTROL_CHARACTER = /\p{Cc}/u;
const reason = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((text) => !CONTROL_CHARACTER.test(text), 'no control characters');
const denominations = z
  .object(
    Object.fromEntries(DENOMINATIONS.map((d) => [d.id, pieces.optional()])) as Record<
      DenominationId,
      z.ZodOptional<typeof pieces>
    >,
  )
  .strict();

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const shiftsSchemas: { [C in keyof ShiftsContract]: z.ZodType<ShiftsContract[C]['args']> } = {
  'office.shifts.current': z.object({}).strict(),
  'office.shifts.open': z.object({ float: drawerCentavos }).strict(),
  'office.shifts.cashMovement': z
    .object({
      kind: z.enum(['in', 'out']),
      amount: drawerCentavos.positive(),
      reason,
    })
    .strict(),
  'office.shifts.close': z.object({ denominations }).strict(),
  'office.shifts.list': dayArgs,
  'office.reports.daily': reportDayArgs,
  'office.reports.monthly': z
    .object({ month: z.string().refine(isStoreMonth, 'expected a month YYYY-MM'), registerId })
    .strict(),
  'office.reports.reconcile': dayArgs,
  'office.reports.exportCsv': reportDayArgs,
  'office.reports.exportPdf': reportDayArgs,
  'office.reports.period': periodArgs,
  'office.reports.exportPeriodCsv': periodArgs,
  'office.reports.exportPeriodXlsx': periodArgs,
};
