/**
 * A payment's timeline: its ledger rows and the audit entries about it, merged in time order, with
 * each webhook marked as duplicate or out of order (see [Note: webhook marks]).
 */
import type { TimelineEntry } from '../../../domain/office/transactions';
import { markWebhooks } from '../../../domain/office/webhook-marks';
import type { AuditRecord, LedgerRecord } from '../../../ports/transactions-read.port';

/** Merges ledger and audit, oldest first; on the same millisecond the ledger row comes first. */
export function buildTimeline(
  ledger: readonly LedgerRecord[],
  audit: readonly AuditRecord[],
): TimelineEntry[] {
  const marks = markWebhooks(ledger);
  const entries: TimelineEntry[] = [
    ...ledger.map((e): TimelineEntry => ({
      id: `event:${e.id}`,
      at: e.at,
      origin: 'ledger',
      kind: e.kind,
      source: e.source,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      detail: e.detail,
      rawPayload: e.rawPayload,
      actorName: e.actorName,
      registerName: null,
      webhook: marks.get(e.id) ?? null,
      signature: e.signature,
    })),
    ...audit.map((a): TimelineEntry => ({
      id: `audit:${a.id}`,
      at: a.at,
      origin: 'audit',
      kind: a.action,
      source: null,
      fromStatus: null,
      toStatus: null,
      detail: a.details,
      rawPayload: null,
      actorName: a.actorName,
      registerName: a.registerName,
      webhook: null,
      signature: null,
    })),
  ];
  // Array.prototype.sort is stable: rows of one origin keep their id order within a millisecond.
  return entries.sort((a, b) => a.at - b.at || (a.origin === b.origin ? 0 : a.origin === 'ledger' ? -1 : 1));
}
