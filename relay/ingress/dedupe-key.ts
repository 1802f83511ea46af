// [Note: dedupe key] Kushki says its notifications "are stored on several servers, so duplicates can occur"
// (cloud-terminal-api.md §3.1) and retries when a reply is slow. A redelivery is the same news, so the relay
// stores it once per store:
// - When `transactionid` is present the key is (uniqueReference, transactionType, transactionid, result). A
//   redelivery from another Kushki server may differ in bytes, key order or a volatile field, but it names the
//   same transaction with the same outcome. `transactionType` keeps a refund (`devolucion`) apart from its sale,
//   which may share the transaction id; `result` keeps an approval apart from a later cancellation.
// - Otherwise (declines may carry no transaction id) the key is a hash of the canonical body (keys sorted,
//   compact), so a byte-identical or re-ordered redelivery collapses but a second attempt that differs in any
//   field does not. We never dedupe on uniqueReference alone: a decline and the approved retry share it, and
//   collapsing them would drop the approval.
import { createHash } from 'node:crypto';

/** Canonical JSON: object keys sorted at every level, no whitespace. Input depth is bounded by the caller. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

function idPart(v: unknown): string | null {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/** The per-store dedupe key of a webhook. See [Note: dedupe key]. */
export function dedupeKey(payload: Record<string, unknown>): string {
  const tx = idPart(payload['transactionid']);
  if (tx !== null && tx !== '') {
    const tuple = [
      idPart(payload['uniqueReference']),
      idPart(payload['transactionType']),
      tx,
      idPart(payload['result']),
    ];
    return 'tx:' + sha256(JSON.stringify(tuple));
  }
  return 'body:' + sha256(canonicalJson(payload));
}
