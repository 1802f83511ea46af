import { z } from 'zod';
import { MAX_PRICE_CENTAVOS } from '../../domain/products/amounts';
import { MAX_BARCODES } from '../../domain/products/product-draft';
import { PRODUCT_UNITS } from '../../domain/products/product-record';
import { CATALOG_FILE_MAX_BYTES, type ProductsContract } from './products.contract';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const centavos = z.number().int().min(0).max(MAX_PRICE_CENTAVOS);
const shortText = (max: number) => z.string().max(max);
const iva = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('rate'), rateBp: z.union([z.literal(0), z.literal(800), z.literal(1600)]) })
    .strict(),
  z.object({ kind: z.literal('exempt') }).strict(),
]);
const format = z.object({ format: z.enum(['csv', 'xlsx']) }).strict();
// base64 of at most CATALOG_FILE_MAX_BYTES: four characters per three bytes. An empty file is let
// through: the import refuses it with its own code (file_empty), which the office words in Spanish.
const catalogFile = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    base64: z
      .string()
      .max(Math.ceil(CATALOG_FILE_MAX_BYTES / 3) * 4, `at most ${CATALOG_FILE_MAX_BYTES / 1024 / 1024} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  })
  .strict();

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const productsSchemas: { [C in keyof ProductsContract]: z.ZodType<ProductsContract[C]['args']> } = {
  'office.products.list': z
    .object({
      text: shortText(100).optional(),
      department: shortText(60).optional(),
      active: z.enum(['active', 'inactive', 'all']).optional(),
      lowStock: z.boolean().optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(200).optional(),
    })
    .strict(),
  'office.products.get': z.object({ id }).strict(),
  // Shapes only: the domain's validateProductDraft words each field's problem.
  'office.products.save': z
    .object({
      id: id.optional(),
      sku: shortText(64),
      name: shortText(200),
      barcodes: z
        .array(shortText(64))
        .max(MAX_BARCODES * 2)
        .optional(),
      price: centavos,
      iva,
      department: shortText(100).optional(),
      unit: z.enum(PRODUCT_UNITS).optional(),
      soldByWeight: z.boolean().optional(),
      cost: centavos.nullable().optional(),
      trackStock: z.boolean().optional(),
      minStock: z.number().int().min(0).max(100_000_000_000).nullable().optional(),
    })
    .strict(),
  'office.products.setActive': z.object({ id, active: z.boolean() }).strict(),
  'office.products.departments': z.object({}).strict(),
  'office.products.importPreview': catalogFile,
  'office.products.importCommit': catalogFile,
  'office.products.export': format,
  'office.products.template': format,
};
