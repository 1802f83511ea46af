import { z } from 'zod';
import type { PrinterContract } from './printer.contract';
import { isPrinterLogo, MAX_LOGO_HEIGHT, MAX_LOGO_WIDTH } from '../../domain/printer';

// Which register's printer (absent: the caller's); the handler checks who may pick another.
const registerId = z.number().int().min(0).optional();
const target = z.object({ registerId }).strict();
// A LAN printer: an IPv4 address or a host name (no scheme, no path, no spaces); empty until chosen.
const host = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$|^$/);

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const printerSchemas: { [C in keyof PrinterContract]: z.ZodType<PrinterContract[C]['args']> } = {
  'office.printer.get': target,
  'office.printer.save': z
    .object({
      kind: z.enum(['none', 'network', 'os']),
      host,
      port: z.number().int().min(1).max(65_535),
      osName: z.string().max(200),
      paperWidth: z.union([z.literal(58), z.literal(80)]),
      autoPrint: z.boolean(),
      drawer: z.boolean(),
      registerId,
    })
    .strict()
    .refine((s) => s.kind !== 'network' || s.host !== '', { path: ['host'], message: 'printer_host' })
    .refine((s) => s.kind !== 'os' || s.osName.trim() !== '', {
      path: ['osName'],
      message: 'printer_os_name',
    }),
  'office.printer.logo.save': z
    .object({
      logo: z
        .object({
          width: z.number().int().min(8).max(MAX_LOGO_WIDTH),
          height: z.number().int().min(8).max(MAX_LOGO_HEIGHT),
          bits: z
            .string()
            .regex(/^[A-Za-z0-9+/]*={0,2}$/)
            .max(16_000),
        })
        .strict()
        .refine(isPrinterLogo, { message: 'printer_logo_shape' })
        .nullable(),
      registerId,
    })
    .strict(),
  'office.printer.test': target,
  'office.drawer.open': z.object({ reason: z.string().trim().min(3).max(200), registerId }).strict(),
};
