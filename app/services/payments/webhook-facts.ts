/**
 * Kushki's webhook body (cloud-terminal-api.md §3.2), read leniently: known fields typed, unknown
 * fields kept, numbers accepted where strings are documented. A webhook is news, never truth: the
 * engine confirms with get-status before any final state (payments-lessons rule 3).
 */
import { z } from 'zod';

const text = z.union([z.string(), z.number().transform(String)]);

/** The parts of a webhook Caja reads. */
export const webhookPayload = z.looseObject({
  result: z.string().max(100).optional(),
  uniqueReference: text.optional(),
  identifier: text.optional(),
  transactionType: z.string().max(40).optional(),
  transactionid: text.optional(),
  authorization: text.optional(),
  creditcard: text.optional(),
  cardtype: z.string().max(40).optional(),
  amount: text.optional(),
  tip: text.optional(),
});

/** A parsed webhook. */
export type WebhookPayload = z.infer<typeof webhookPayload>;

/** What Caja takes from a webhook. */
export interface WebhookFacts {
  uniqueReference: string | null;
  kind: 'sale' | 'refund' | 'other';
  approved: boolean;
  result: string;
  cardBrand: string | null;
  cardLast4: string | null;
  authorizationCode: string | null;
  transactionId: string | null;
}

/** Reads the facts out of a webhook body; null when the body is not a webhook at all. */
export function webhookFacts(body: unknown): WebhookFacts | null {
  const parsed = webhookPayload.safeParse(body);
  if (!parsed.success) return null;
  const p = parsed.data;
  const type = (p.transactionType ?? 'venta').toLowerCase();
  const result = (p.result ?? '').trim();
  const last4 = p.creditcard?.replace(/\D/g, '').slice(-4) ?? '';
  return {
    uniqueReference: p.uniqueReference ?? p.identifier ?? null,
    kind: type === 'venta' ? 'sale' : type === 'devolucion' ? 'refund' : 'other',
    // §8 #10: anything other than "aprobada" is not an approval.
    approved: result.toLowerCase() === 'aprobada',
    result: result.slice(0, 60) || 'sin resultado',
    cardBrand: p.cardtype?.slice(0, 40) ?? null,
    cardLast4: last4.length === 4 ? last4 : null,
    authorizationCode: p.authorization?.slice(0, 20) ?? null,
    transactionId: p.transactionid?.slice(0, 64) ?? null,
  };
}
