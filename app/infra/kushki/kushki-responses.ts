/**
 * zod schemas for what Kushki sends back. Lenient where the docs are vague (unknown fields pass,
 * `message` may be a string or a list), strict where Caja relies on a value.
 */
import { z } from 'zod';
import type { KushkiStatus, KushkiStatusView } from '../../ports/payment-gateway.port';

/** `{ message: string[] | string, responseCode: "NNN" }`, the documented error shape. */
export const errorBody = z.looseObject({
  message: z.union([z.array(z.string()), z.string()]).optional(),
  responseCode: z.string().regex(/^\d{3}$/),
});

const nullableString = z.union([z.string(), z.number().transform(String)]).nullish();

/** get-status 200 body. */
export const statusBody = z.looseObject({
  status: z.string().min(1),
  transactionId: nullableString,
  creationDate: z.string().nullish(),
  updateDate: z.string().nullish(),
});

/** cancel 422 body: note `transactionID` with a capital ID there (§2.4). */
export const cancelRefusedBody = z.looseObject({
  status: z.string().min(1),
  transactionID: nullableString,
  transactionId: nullableString,
  creationDate: z.string().nullish(),
  updateDate: z.string().nullish(),
});

const KNOWN: readonly KushkiStatus[] = ['CREATED', 'APPROVED', 'CANCELLED', 'REFUNDED'];

/** Normalises a status: upper case, CANCELED spelled either way, anything unknown as OTHER (§8 #8). */
export function normaliseStatus(raw: string): KushkiStatus {
  const upper = raw.trim().toUpperCase();
  if (upper === 'CANCELED') return 'CANCELLED';
  return (KNOWN as readonly string[]).includes(upper) ? (upper as KushkiStatus) : 'OTHER';
}

/** Maps a status body (get-status or a cancel refusal) to the port's view. */
export function statusView(
  body: z.infer<typeof cancelRefusedBody> | z.infer<typeof statusBody>,
): KushkiStatusView {
  const capitalised = 'transactionID' in body ? (body.transactionID as string | null | undefined) : undefined;
  const transactionId = capitalised ?? body.transactionId ?? null;
  return {
    status: normaliseStatus(body.status),
    rawStatus: body.status,
    transactionId: transactionId ?? null,
    creationDate: body.creationDate ?? null,
    updateDate: body.updateDate ?? null,
  };
}

/** The first human-readable message of an error body. */
export function firstMessage(body: z.infer<typeof errorBody>): string {
  const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  return (message ?? '').slice(0, 300);
}
