import { z } from 'zod';
import { ADJUSTMENT_REASONS } from '../../domain/office/stock';
import type { StockContract } from './stock.contract';

const id = z.number().int().positive();
// A million units of anything is far above a corner store's stock, and keeps sums exact.
const MAX_MILLI = 1_000_000_000;
const positiveMilli = z.number().int().positive().max(MAX_MILLI);
// A unit cost up to $1,000,000.00.
const unitCost = z.number().int().min(0).max(100_000_000);
// A note is one line a manager types; control characters refused as in the shifts' reasons.
const CONTROL_CHARACTER = /\p{Cc}/u;
const note = z
  .string()
  .trim()
  .max(200)
  .refine((text) => !CONTROL_CHARACTER.test(text), 'no control characters')
  .optional();

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const stockSchemas: { [C in keyof StockContract]: z.ZodType<StockContract[C]['args']> } = {
  'office.stock.receive': z.object({ productId: id, quantity: positiveMilli, unitCost, note }).strict(),
  'office.stock.adjust': z
    .object({
      productId: id,
      reason: z.enum(ADJUSTMENT_REASONS),
      note,
      delta: z
        .number()
        .int()
        .min(-MAX_MILLI)
        .max(MAX_MILLI)
        .refine((n) => n !== 0, 'a change of 0 adjusts nothing')
        .optional(),
      counted: z.number().int().min(0).max(MAX_MILLI).optional(),
    })
    .strict()
    .refine((a) => (a.delta === undefined) !== (a.counted === undefined), {
      message: 'give exactly one of delta or counted',
      path: ['delta'],
    })
    .refine((a) => a.reason !== 'other' || (a.note ?? '').length > 0, {
      message: 'required when reason is other',
      path: ['note'],
    }),
  'office.stock.lowStock': z.object({}).strict(),
  'office.stock.movements': z
    .object({ productId: id, before: id.optional(), limit: z.number().int().min(1).max(200).optional() })
    .strict(),
  'office.stock.valuation': z.object({}).strict(),
};
