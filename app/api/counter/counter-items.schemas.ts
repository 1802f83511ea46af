import { z } from 'zod';
import { MAX_LINE_QUANTITY_MILLI } from '../../domain/cart-pricing';
import type { CounterItemsContract } from './counter-items.contract';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
// Ten million pesos, as every amount at the boundary.
const centavos = z.number().int().min(0).max(1_000_000_000);
const iva = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('rate'), rateBp: z.union([z.literal(0), z.literal(800), z.literal(1600)]) })
    .strict(),
  z.object({ kind: z.literal('exempt') }).strict(),
]);
// Digit counts are checked together (they must add up to 10) by the service's scaleLabelsProblem.
const layout = z
  .object({
    prefix: z.string().regex(/^2\d$/),
    pluDigits: z.number().int().min(1).max(9),
    kind: z.enum(['price', 'weight']),
    valueDigits: z.number().int().min(1).max(9),
    decimals: z.number().int().min(0).max(3),
    valueCheckDigit: z.boolean(),
  })
  .strict();

/** zod schemas (strict objects) for this area's arguments. */
export const counterItemsSchemas: {
  [C in keyof CounterItemsContract]: z.ZodType<CounterItemsContract[C]['args']>;
} = {
  'sales.cart.addWeighed': z
    .object({ productId: id, grams: z.number().int().min(1).max(MAX_LINE_QUANTITY_MILLI) })
    .strict(),
  'sales.cart.addOpenPrice': z
    .object({
      name: z.string().trim().max(60).optional(),
      // An open-price item costs something: a $0 line would be a free item nobody approved.
      price: centavos.min(1),
      iva,
      managerPin: z
        .string()
        .regex(/^\d{4,8}$/)
        .optional(),
    })
    .strict(),
  'office.settings.counter.get': z.object({}).strict(),
  'office.settings.counter.save': z
    .object({ openPriceLimit: centavos, scaleLabels: z.array(layout).max(10) })
    .strict(),
};
