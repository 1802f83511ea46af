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

// Length limits on what is stored and shown: an overlong value makes the whole body unreadable
// (uncertain, so verification carries on) rather than landing in SQLite and the office (issue 11).
// Statuses are a word or two (§2.3, §8 #8); ids are short tokens like "abc676" or "123456789";
// dates are ISO 8601 with an offset, "2024-11-11T09:50:57-06:00", fractions allowed.
const status = z.string().regex(/^[A-Za-z][A-Za-z _-]{0,31}$/);
const transactionId = z
  .union([
    z.string().regex(/^[\x21-\x7e]{1,64}$/),
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  ])
  .transform(String)
  .nullish();
const date = z.string().max(40).nullish();

/** get-status 200 body. */
export const statusBody = z.looseObject({
  status,
  transactionId,
  creationDate: date,
  updateDate: date,
});

/** cancel 422 body: note `transactionID` with a capital ID there (§2.4). */
export const cancelRefusedBody = z.looseObject({
  status,
  transactionID: transactionId,
  transactionId,
  creationDate: date,
  updateDate: date,
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
