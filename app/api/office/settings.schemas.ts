import { z } from 'zod';
import type { SettingsContract } from './settings.contract';
import { PIN_SHAPE, SECRET_NAMES, SERIAL_SHAPE } from '../../domain/office/settings';
import { STORE_TIME_ZONES } from '../../domain/store-time-zone';
import { UPDATE_FEED_URL_MAX } from '../../domain/updates';

const noArgs = z.object({}).strict();
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
// §2.2: serial numbers have no special characters.
const serial = z.string().regex(SERIAL_SHAPE);
const label = z.string().trim().min(1).max(60);
const role = z.enum(['cashier', 'manager']);
const pin = z.string().regex(PIN_SHAPE);
// The RFC's shape is checked by the service (it normalises case first); here only its size.
const storeDetails = z
  .object({ name: z.string().max(80), rfc: z.string().max(20), address: z.string().max(200) })
  .strict();
// Secrets: printable ASCII without spaces (API keys and tokens), long enough to be real.
const secretValue = z.string().regex(/^[\x21-\x7e]{8,512}$/);

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const settingsSchemas: { [C in keyof SettingsContract]: z.ZodType<SettingsContract[C]['args']> } = {
  'office.settings.get': noArgs,
  'office.settings.store.save': storeDetails,
  'office.settings.receipt.save': z
    .object({ footer: z.string().max(200), printOnTerminal: z.boolean() })
    .strict(),
  'office.settings.timeZone.set': z.object({ timeZone: z.enum(STORE_TIME_ZONES) }).strict(),
  'office.settings.discountLimit.set': z
    .object({ discountLimitBp: z.number().int().min(0).max(10_000) })
    .strict(),
  'office.settings.environment.set': z
    .object({ environment: z.enum(['demo', 'dev', 'live']), confirm: z.string().max(20).optional() })
    .strict(),
  'office.settings.relay.save': z
    .object({ url: z.string().max(300), storeId: z.string().regex(/^[\w-]{0,80}$/) })
    .strict(),
  // The URL's shape (https, no credentials) is the service's check, worded for the form.
  'office.settings.updates.save': z
    .object({ enabled: z.boolean(), feedUrl: z.string().max(UPDATE_FEED_URL_MAX) })
    .strict(),
  'office.settings.secret.set': z
    .object({ name: z.enum(SECRET_NAMES), value: secretValue, allowPlaintext: z.boolean().optional() })
    .strict(),
  'office.settings.secret.clear': z.object({ name: z.enum(SECRET_NAMES) }).strict(),
  'office.terminals.list': noArgs,
  'office.terminals.add': z.object({ serial, label }).strict(),
  'office.terminals.rename': z.object({ serial, label }).strict(),
  'office.terminals.setDefault': z.object({ serial }).strict(),
  'office.terminals.remove': z.object({ serial }).strict(),
  'office.terminals.test': z.object({ serial }).strict(),
  'office.users.list': noArgs,
  'office.users.add': z.object({ name: z.string().trim().min(1).max(60), role, pin }).strict(),
  'office.users.setPin': z.object({ userId: id, pin }).strict(),
  'office.users.setRole': z.object({ userId: id, role }).strict(),
  'office.users.deactivate': z.object({ userId: id }).strict(),
  'office.users.unlock': z.object({ userId: id }).strict(),
};
