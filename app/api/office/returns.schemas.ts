import { z } from 'zod';
import type { CounterReturnsContract, ReturnsContract } from './returns.contract';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
// Thousandths: a line holds at most 999 pieces (999,000) today; weighed lines stay far below this.
const quantity = z.number().int().positive().max(1_000_000_000);
const CONTROL_CHARACTER = /\p{Cc}/u;
const reason = z
  .string()
  .trim()
  .max(200)
  .refine((text) => !CONTROL_CHARACTER.test(text), 'no control characters')
  .optional();
const tender = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('cash') }),
  z.strictObject({ method: z.literal('card'), paymentId: id }),
]);

const returnRequest = {
  saleId: id,
  lines: z
    .array(z.strictObject({ saleLineId: id, quantity }))
    .min(1)
    .max(500),
  tender,
  reason,
};
// A PIN as the session's channels take it: digits only.
const managerPin = z.string().regex(/^\d{4,8}$/);

/** zod schemas of the counter's return channels (a manager's PIN approves the return). */
export const counterReturnsSchemas: {
  [C in keyof CounterReturnsContract]: z.ZodType<CounterReturnsContract[C]['args']>;
} = {
  'sales.returns.get': z.strictObject({ saleId: id }),
  'sales.returns.create': z.strictObject({ ...returnRequest, managerPin }),
};

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const returnsSchemas: { [C in keyof ReturnsContract]: z.ZodType<ReturnsContract[C]['args']> } = {
  'office.returns.sale': z.strictObject({ saleId: id }),
  'office.returns.create': z.strictObject(returnRequest),
};
