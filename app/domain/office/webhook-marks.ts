/**
 * [Note: webhook marks]
 * How the timeline tells duplicate and out-of-order webhooks, from the ledger (payment_events):
 * - every delivery Caja stores is its own `webhook` row, with the body in raw_payload and
 *   `detail` = `<sale|refund|other>:<result>` (inbound-webhooks.service.ts);
 * - the relay already drops Kushki's own redeliveries (relay/ingress/dedupe-key.ts), but its stream
 *   resends an event whose ack was lost, under the same event id. The ledger kept one row per event
 *   id and dropped the repeat silently, so nothing told it had come: inbound-webhooks now records it
 *   as a `webhook_repeat` row (no state change, no verification, as before);
 * - every state change is a `transition` row, appended in id order with the webhook rows.
 * A delivery is a **duplicate** when it is a `webhook_repeat`, or when an earlier webhook row of the
 * payment carries the same news (type, result, transaction id, authorization, time, amount): what
 * reaches Caja twice under two event ids, e.g. a decline without a transaction id that another
 * Kushki server re-sent with other bytes (the relay's dedupe keys on the bytes then).
 * It is **out of order** when its `authorizationTime` is earlier than that of a webhook already
 * received (it happened before news we already had), or when the status it claims would move the
 * payment backwards from where the ledger had it on arrival (the state machine refuses that:
 * see [Note: payment monotonicity]; the engine only verifies with get-status).
 */
import { canTransition, type PaymentStatus } from '../payment-status';
import type { WebhookMarks } from './transactions';
import type { WebhookSignature } from '../payment';

/** Ledger kind of a relay event delivered again after it was stored (see the note above). */
export const WEBHOOK_REPEAT = 'webhook_repeat';

/** Whether a ledger row is a webhook delivery (first or repeated). */
export function isWebhookKind(kind: string): boolean {
  return kind === 'webhook' || kind === WEBHOOK_REPEAT;
}

/**
 * A ledger row's signature verdict as stored (`payment_events.bp_signature`): webhook rows without
 * one predate migration 007, and nobody verified them; other rows have none.
 */
export function recordedSignature(kind: string, stored: string | null): WebhookSignature | null {
  if (stored === 'verified') return 'verified';
  return isWebhookKind(kind) ? 'unverified' : null;
}

/** The ledger fields the marks are computed from. */
export interface LedgerRow {
  id: number;
  kind: string;
  toStatus: PaymentStatus | null;
  detail: string | null;
  rawPayload: string | null;
}

/** The status a webhook's `detail` claims: `sale:aprobada` → approved, other sale results → declined. */
export function claimedStatus(detail: string | null): PaymentStatus | null {
  const [kind, result = ''] = (detail ?? '').split(':', 2);
  const approved = result.trim().toLowerCase() === 'aprobada';
  if (kind === 'sale') return approved ? 'approved' : 'declined';
  if (kind === 'refund' && approved) return 'refunded';
  return null;
}

/** What a webhook body says, as far as telling repeats and order goes. */
function readBody(rawPayload: string | null): { at: number | null; news: string } {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(rawPayload ?? 'null');
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: compared by its text alone.
  }
  const time = typeof body.authorizationTime === 'string' ? Date.parse(body.authorizationTime) : NaN;
  // The same news, even if another Kushki server re-sent it with other bytes or incidental fields.
  const fields = [
    'transactionType',
    'result',
    'transactionid',
    'authorization',
    'authorizationTime',
    'amount',
  ];
  const news = fields.some((f) => body[f] !== undefined)
    ? JSON.stringify(fields.map((f) => body[f] ?? null))
    : (rawPayload ?? '');
  return { at: Number.isFinite(time) ? time : null, news };
}

/** Marks for every webhook row of one payment's ledger, keyed by row id. Rows must be in id order. */
export function markWebhooks(rows: readonly LedgerRow[]): Map<number, WebhookMarks> {
  const marks = new Map<number, WebhookMarks>();
  const seenNews = new Map<string, number>();
  let status: PaymentStatus | null = null;
  let latestEventTime = -Infinity;
  for (const row of rows) {
    if (row.toStatus) status = row.toStatus;
    else if (row.kind === 'created' && status === null) status = 'requested';
    if (!isWebhookKind(row.kind)) continue;
    const claims = claimedStatus(row.detail);
    const { at, news } = readBody(row.rawPayload);
    const firstCopy = seenNews.get(news);
    // Kushki's evidence may correct a final state upward (a late approval); never downward.
    const backwards =
      claims !== null &&
      status !== null &&
      claims !== status &&
      !canTransition(status, claims, 'kushki_status');
    const repeat = row.kind === WEBHOOK_REPEAT;
    marks.set(row.id, {
      duplicate: repeat || firstCopy !== undefined,
      duplicateOf: firstCopy === undefined ? null : `event:${firstCopy}`,
      outOfOrder:
        at !== null && at < latestEventTime ? 'earlier_than_previous' : backwards ? 'behind_status' : null,
      claims,
      statusOnArrival: status,
    });
    if (firstCopy === undefined) seenNews.set(news, row.id);
    if (at !== null) latestEventTime = Math.max(latestEventTime, at);
  }
  return marks;
}
