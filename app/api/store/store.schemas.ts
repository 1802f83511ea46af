import { z } from 'zod';
import { PIN_SHAPE, SERIAL_SHAPE } from '../../domain/office/settings';
import { STORE_TIME_ZONES } from '../../domain/store-time-zone';
import { registerName } from '../office/registers.schemas';
import type { StoreContract } from './store.contract';

// Same limits as the office's settings forms; the RFC's rule and the relay URL's are the services'.
const secretValue = z.string().regex(/^[\x21-\x7e]{8,512}$/);
const setupInput = z
  .object({
    store: z
      .object({
        name: z.string().trim().min(1).max(80),
        rfc: z.string().trim().min(1).max(20),
        address: z.string().max(200),
        timeZone: z.enum(STORE_TIME_ZONES),
      })
      .strict(),
    // No default PIN: the manager types one (4–8 digits, as every user's).
    manager: z.object({ name: z.string().trim().min(1).max(60), pin: z.string().regex(PIN_SHAPE) }).strict(),
    kushki: z
      .object({
        environment: z.enum(['dev', 'live']),
        confirm: z.string().max(20).optional(),
        apiKey: secretValue.optional(),
        terminalSerials: z.array(z.string().regex(SERIAL_SHAPE)).max(20),
      })
      .strict()
      .optional(),
    relay: z
      .object({
        url: z.string().max(300),
        storeId: z.string().max(100),
        streamToken: secretValue.optional(),
        signingKey: secretValue.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** zod schemas for the wizard's and the switch's arguments. */
export const storeSchemas: { [C in keyof StoreContract]: z.ZodType<StoreContract[C]['args']> } = {
  'store.setup.create': setupInput,
  'store.switch': z.object({ to: z.enum(['demo', 'real']) }).strict(),
  'store.join': z
    .object({
      // The URL's shape (https, host, port, no path) is checked by the pairing itself: one rule.
      serverUrl: z.string().trim().min(1).max(300),
      // 10 symbols, typed with or without the dash and spaces.
      pairingCode: z.string().trim().min(1).max(30),
      registerName,
    })
    .strict(),
};
