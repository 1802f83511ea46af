// POST /v1/kushki/<storeId>/<secret>: authenticate, rate-limit, read, validate, store durably, then answer.
// Order matters: the secret is checked before the body is read (strangers cost no memory), the store's token
// bucket after it (so a stranger who knows a store id cannot spend that store's bucket), and 200 is sent only
// after the group commit made the event durable (payments-lessons.md rule 7). Every refusal is a 4xx/5xx with
// a reason code and stores nothing; one answered before the body is read also closes the connection, so the
// unread body costs no descriptor. The secret never appears in a log line or a response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../common/http/read-body';
import { credentialMatches, hashCredential, newEventId } from '../stores/credentials';
import type { RelayStorage, StoreRecord } from '../storage/storage';
import type { GroupCommitter } from './group-commit';
import type { StoreCache } from './store-cache';
import type { StoreRateLimiter } from './rate-limit';
import type { BpKeyring } from './bp-signature';
import { checkBpSignature } from './bp-signature';
import { dedupeKey } from './dedupe-key';
import {
  describeIssues,
  jsonDepth,
  kushkiWebhookSchema,
  limitCardData,
  MAX_JSON_DEPTH,
  surelyValidWebhook,
} from './webhook-schema';
import type { RelayMetrics } from '../ops/metrics';
import type { Logger } from '../ops/logger';

/** What the ingress handler needs from the relay. */
export interface IngressDeps {
  storage: RelayStorage;
  stores: StoreCache;
  committer: GroupCommitter;
  rateLimiter: StoreRateLimiter;
  metrics: RelayMetrics;
  logger: Logger;
  bpKeys: BpKeyring;
  maxBodyBytes: number;
  requireBpSignature: boolean;
  isStopping: () => boolean;
}

// Compared against when the store is unknown, so an unknown store and a wrong secret take the same time.
const DUMMY_HASH = hashCredential('no-such-store');

function secretValid(store: StoreRecord | undefined, secret: string, now: number): boolean {
  if (!store) {
    credentialMatches(secret, DUMMY_HASH);
    return false;
  }
  const current = credentialMatches(secret, store.secretHash);
  const previous =
    store.prevSecretHash !== null &&
    (store.prevSecretExpiresAt ?? 0) > now &&
    credentialMatches(secret, store.prevSecretHash);
  return current || previous;
}

function refuse(
  deps: IngressDeps,
  res: ServerResponse,
  status: number,
  code: string,
  reason: string,
  log: { storeId: string; closeConnection?: boolean; quiet?: boolean },
): void {
  deps.metrics.reject(code);
  if (!log.quiet) deps.logger.warn('ingress refused', { storeId: log.storeId, status, code });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (log.closeConnection) headers['connection'] = 'close';
  res.writeHead(status, headers).end(JSON.stringify({ error: code, reason }));
}

/** Handles one ingress request for `storeId` with the secret taken from the path. */
export async function handleIngress(
  req: IncomingMessage,
  res: ServerResponse,
  storeId: string,
  secret: string,
  deps: IngressDeps,
): Promise<void> {
  const started = performance.now();
  const log = { storeId: storeId.slice(0, 40) };
  // Refusals until the body has been read close the connection (see the header comment).
  const unread = { ...log, closeConnection: true };
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return refuse(deps, res, 405, 'method_not_allowed', 'use POST', unread);
  }
  if (deps.isStopping()) return refuse(deps, res, 503, 'shutting_down', 'relay is restarting; retry', unread);
  let store: StoreRecord | undefined;
  try {
    store = await deps.stores.get(storeId);
  } catch {
    // The store lookup can fail like the append (PostgreSQL restarting): Kushki must get a 503 and retry, not a
    // 500 from the router's last-resort handler.
    deps.metrics.storageError('get_store');
    return refuse(deps, res, 503, 'storage_unavailable', 'not stored; retry', unread);
  }
  if (!secretValid(store, secret, Date.now()) || !store) {
    return refuse(deps, res, 401, 'unauthorized', 'unknown store or wrong secret', unread);
  }
  const rate = deps.rateLimiter.take(store.id);
  if (!rate.ok) {
    if (rate.firstRefusal) deps.logger.warn('ingress rate limited', { storeId: store.id });
    res.setHeader('retry-after', String(rate.retryAfterSeconds));
    return refuse(deps, res, 429, 'rate_limited', 'too many webhooks for this store; retry later', {
      ...unread,
      quiet: true,
    });
  }
  const read = await readBody(req, { limit: deps.maxBodyBytes });
  if (!read.ok) {
    if (read.reason === 'aborted') return void deps.metrics.reject('aborted');
    return refuse(deps, res, 413, 'too_large', `body exceeds ${deps.maxBodyBytes} bytes`, unread);
  }
  // Billpocket tests a URL with an empty POST when it is saved in the dashboard (§3.1): say yes, store nothing.
  if (read.body.length === 0) {
    deps.metrics.probe();
    res.writeHead(200, { 'x-relay-status': 'probe' }).end();
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.body.toString('utf8'));
  } catch {
    return refuse(deps, res, 400, 'invalid_json', 'body is not JSON', log);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return refuse(deps, res, 422, 'not_an_object', 'body must be a JSON object', log);
  }
  if (jsonDepth(parsed) > MAX_JSON_DEPTH) {
    return refuse(deps, res, 422, 'too_deep', `nesting deeper than ${MAX_JSON_DEPTH}`, log);
  }
  if (!surelyValidWebhook(parsed as Record<string, unknown>)) {
    // See [Note: webhook fast check]: zod has the last word, and the words of the refusal.
    const valid = kushkiWebhookSchema.safeParse(parsed);
    if (!valid.success) return refuse(deps, res, 422, 'invalid_webhook', describeIssues(valid.error), log);
  }
  const bp = checkBpSignature(deps.bpKeys, req.headers, read.body, deps.requireBpSignature);
  if (!bp.ok) return refuse(deps, res, 401, 'bad_signature', bp.reason, log);

  const { payload, trimmed } = limitCardData(parsed as Record<string, unknown>);
  if (trimmed) deps.logger.warn('creditcard held more than 4 digits; kept the last 4', log);
  const outcome = await deps.committer.submit({
    storeId: store.id,
    id: newEventId(),
    receivedAt: Date.now(),
    dedupeKey: dedupeKey(payload),
    bpSignature: bp.status,
    payload: JSON.stringify(payload),
  });
  switch (outcome.kind) {
    case 'stored':
    case 'duplicate': {
      const event = outcome.kind === 'stored' ? outcome.event : outcome;
      if (outcome.kind === 'stored') deps.metrics.storedEvent();
      else deps.metrics.duplicate();
      deps.metrics.ingressDuration.observe((performance.now() - started) / 1000);
      // Kushki expects 200 with an empty body (§3.1); the outcome rides in headers for operators and tests.
      res
        .writeHead(200, {
          'x-relay-status': outcome.kind,
          'x-relay-event-id': event.id,
          'x-relay-seq': String(event.seq),
        })
        .end();
      return;
    }
    case 'unknown_store':
      return refuse(deps, res, 401, 'unauthorized', 'unknown store or wrong secret', log);
    case 'overloaded':
      return refuse(deps, res, 503, 'overloaded', 'not stored in time; retry', log);
    case 'storage_error':
      deps.metrics.storageError('append');
      return refuse(deps, res, 503, 'storage_unavailable', 'not stored; retry', log);
  }
}
