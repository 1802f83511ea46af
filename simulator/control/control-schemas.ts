// Bodies of the `/_sim/` control API. Strict: a typo in a test's setting should fail loudly, not be ignored.
import { z } from 'zod';
import { BEHAVIOURS, CARD_BRANDS } from '../types';

const behaviour = z.enum(BEHAVIOURS as [string, ...string[]]);
const brand = z.enum(CARD_BRANDS as [string, ...string[]]);
const amount = z.number().min(0).max(999_999.99);

/** POST /_sim/terminals */
export const terminalCreateSchema = z.strictObject({
  serialNumber: z.string(),
  appVersion: z.string().optional(),
  online: z.boolean().optional(),
  registered: z.boolean().optional(),
  behaviour: behaviour.optional(),
  approveDelayMs: z.number().optional(),
});

/** PATCH /_sim/terminals/:serial */
export const terminalPatchSchema = terminalCreateSchema.omit({ serialNumber: true });

/** POST /_sim/requests/:ref/approve */
export const approveSchema = z.strictObject({
  brand: brand.optional(),
  last4: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  tip: amount.optional(),
});

/** POST /_sim/requests/:ref/decline */
export const declineSchema = z.strictObject({
  result: z.enum(['rechazada', 'rechazadaProsa', 'rechazadaRiesgo']).optional(),
  brand: brand.optional(),
});

/** PUT /_sim/webhook-url */
export const webhookUrlSchema = z.strictObject({ url: z.string().max(2048).nullable() });

/** PUT /_sim/webhooks/fault */
export const webhookFaultSchema = z.strictObject({
  mode: z.enum(['none', 'duplicate', 'delay', 'out-of-order', 'drop']),
  count: z.number().int().min(1).max(1_000_000).optional(),
  delayMs: z.number().min(0).max(86_400_000).optional(),
  copies: z.number().int().min(2).max(10).optional(),
});

/** POST /_sim/push-faults */
export const pushFaultSchema = z.strictObject({
  responseCode: z.enum(['100', '101']),
  count: z.number().int().min(1).max(1_000).optional(),
});

/** PATCH /_sim/config */
export const configPatchSchema = z.strictObject({
  webhookUrl: z.string().max(2048).nullable().optional(),
  declineWebhooks: z.boolean().optional(),
  afterDecline: z.enum(['stay-created', 'cancel']).optional(),
  pushResponseBody: z.enum(['default', 'empty']).optional(),
  magicAmounts: z.boolean().optional(),
  rejectUnknownFields: z.boolean().optional(),
  retryScheduleMs: z.array(z.number().min(0).max(86_400_000)).max(20).optional(),
  replyTimeoutMs: z.number().min(1).max(60_000).optional(),
  signWebhooks: z.boolean().optional(),
  signingKeyIndex: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .optional(),
  userId: z.number().int().min(0).optional(),
});

/** A validated config patch. */
export type ConfigPatch = z.infer<typeof configPatchSchema>;
