/**
 * zod schemas for every request argument, checked on the trusted side before any handler runs.
 * Objects are strict: an unknown key is a validation error, not silently dropped.
 */
import { z } from 'zod';
import type { ArgsOf, Channel } from './contract';
import { MAX_LINE_QUANTITY } from '../domain/cart-pricing';

const noArgs = z.object({}).strict();
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const quantity = z.number().int().min(1).max(MAX_LINE_QUANTITY);

/** The argument schema of each channel; a missing channel fails to compile. */
export const argSchemas: { [C in Channel]: z.ZodType<ArgsOf<C>> } = {
  'app.info.get': noArgs,
  'settings.language.set': z.object({ language: z.enum(['es-MX', 'en']) }).strict(),
  'catalog.categories.list': noArgs,
  'catalog.products.search': z
    .object({
      text: z.string().max(100),
      category: z.string().min(1).max(60).optional(),
      limit: z.number().int().min(1).max(200).optional(),
    })
    .strict(),
  'sales.cart.get': noArgs,
  'sales.cart.addProduct': z.object({ productId: id, quantity: quantity.optional() }).strict(),
  // Scanners send digits; people type SKUs. Anything printable up to 64 chars is worth a look-up.
  'sales.cart.scan': z
    .object({
      code: z
        .string()
        .trim()
        .min(1)
        .max(64)
        .regex(/^[\p{L}\p{N}\-_.]+$/u),
    })
    .strict(),
  'sales.cart.setQuantity': z.object({ lineId: id, quantity }).strict(),
  'sales.cart.removeLine': z.object({ lineId: id }).strict(),
  'sales.cart.clear': noArgs,
};
