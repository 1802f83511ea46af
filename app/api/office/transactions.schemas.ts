import { z } from 'zod';
import type { TransactionsContract } from './transactions.contract';
import { STATUS_FILTERS, type StatusFilter } from '../../domain/office/transactions';
import { isStoreDay, storeDaysBetween } from '../../domain/office/store-day';

/** Longest range one list may span: a year (leap years included). */
export const MAX_RANGE_DAYS = 366;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const centavos = z.number().int().min(0).max(1_000_000_000);
const day = z.string().refine(isStoreDay, 'expected a date YYYY-MM-DD');

const listArgs = z
  .object({
    from: day,
    to: day.optional(),
    statuses: z
      .array(z.enum(STATUS_FILTERS as [StatusFilter, ...StatusFilter[]]))
      .max(STATUS_FILTERS.length)
      .optional(),
    tender: z.enum(['card', 'cash']).optional(),
    // §2.2: serial numbers have no special characters.
    terminalSerial: z
      .string()
      .regex(/^[A-Za-z0-9]{1,40}$/)
      .optional(),
    cashierId: id.optional(),
    cardBrand: z.string().min(1).max(40).optional(),
    amountMin: centavos.optional(),
    amountMax: centavos.optional(),
    // Register 0 is the store server's own counter (issue 17), so zero is a register.
    registerId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    search: z.string().max(64).optional(),
    cursor: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const span = q.to === undefined ? 1 : storeDaysBetween(q.from, q.to);
    if (span < 1 || span > MAX_RANGE_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `a range of 1 to ${MAX_RANGE_DAYS} days` });
    if (q.amountMin !== undefined && q.amountMax !== undefined && q.amountMin > q.amountMax)
      ctx.addIssue({ code: 'custom', path: ['amountMax'], message: 'amountMax below amountMin' });
  });

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const transactionsSchemas: {
  [C in keyof TransactionsContract]: z.ZodType<TransactionsContract[C]['args']>;
} = {
  'office.transactions.list': listArgs,
  'office.transactions.filters': z.object({}).strict(),
  'office.payments.detail': z.object({ paymentId: id }).strict(),
};
