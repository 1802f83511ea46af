/**
 * [Note: webhook marks]
 * The ledger (payment_events) already holds what it takes to explain each webhook, so nothing extra
 * is recorded at the source:
 * - every delivery is its own row (the relay numbers each POST; only the very same relay event is
 *   stored once), with the body in raw_payload and `detail` = `<sale|refund|other>:<result>`
 *   (inbound-webhooks.service.ts);
 * - every state change is a `transition` row, appended in id order with the webhook rows.
 * A delivery is a **duplicate** when an earlier webhook row of the payment has the same body.
 * It is **out of order** when its `authorizationTime` is earlier than that of a webhook already
 * received (it happened before news we already had), or when the status it claims would move the
 * payment backwards from where the ledger had it on arrival (the state machine refuses that:
 * see [Note: payment monotonicity]; the engine only verifies with get-status).
 */
import { canTransition, type PaymentStatus } from '../payment-status';
import type { WebhookMarks } from './transactions';

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

function eventTime(rawPayload: string | null): number | null {
  try {
    const body = JSON.parse(rawPayload ?? 'null') as { authorizationTime?: unknown } | null;
    const at = typeof body?.authorizationTime === 'string' ? Date.parse(body.authorizationTime) : NaN;
    return Number.isFinite(at) ? at : null;
  } catch {
    return null;
  }
}

/** Marks for every webhook row of one payment's ledger, keyed by row id. Rows must be in id order. */
export function markWebhooks(rows: readonly LedgerRow[]): Map<number, WebhookMarks> {
  const marks = new Map<number, WebhookMarks>();
  const seenBodies = new Map<string, number>();
  let status: PaymentStatus | null = null;
  let latestEventTime = -Infinity;
  for (const row of rows) {
    if (row.toStatus) status = row.toStatus;
    else if (row.kind === 'created' && status === null) status = 'requested';
    if (row.kind !== 'webhook') continue;
    const claims = claimedStatus(row.detail);
    const at = eventTime(row.rawPayload);
    const body = row.rawPayload ?? '';
    const firstCopy = seenBodies.get(body);
    // Kushki's evidence may correct a final state upward (a late approval); never downward.
    const backwards =
      claims !== null &&
      status !== null &&
      claims !== status &&
      !canTransition(status, claims, 'kushki_status');
    marks.set(row.id, {
      duplicateOf: firstCopy === undefined ? null : `event:${firstCopy}`,
      outOfOrder:
        at !== null && at < latestEventTime ? 'earlier_than_previous' : backwards ? 'behind_status' : null,
      claims,
      statusOnArrival: status,
    });
    if (firstCopy === undefined) seenBodies.set(body, row.id);
    if (at !== null) latestEventTime = Math.max(latestEventTime, at);
  }
  return marks;
}
