// Delivers webhook events: one primary copy per event plus whatever the active fault adds (a duplicate copy,
// a stale out-of-order event, a delay, or nothing at all when dropped), each copy retried on the schedule.
import type { TimerSet, Clock } from '../core/clock';
import type { SimConfig } from '../core/config';
import type { WebhookOrder, WebhookSink } from '../core/engine';
import type { EventBus } from '../core/event-bus';
import type { IdFactory } from '../core/ids';
import type { WebhookAttempt, WebhookFault } from '../types';
import { postJson } from './http-post';
import { buildPayload, type WebhookPayload } from './payload';
import type { WebhookSigner } from './signer';
import { receiptIdFor } from './receipt-id';

/** Default `delay` fault, simulated ms. */
export const DEFAULT_DELAY_MS = 30_000;
/** How long before the approval an invented stale decline (out-of-order fault) claims to have happened. */
const STALE_AGE_MS = 1_000;

interface Deps {
  config: SimConfig;
  clock: Clock;
  timers: TimerSet;
  bus: EventBus;
  ids: IdFactory;
  signer: WebhookSigner;
}

interface Copy {
  eventId: string;
  deliveryId: string;
  tag: WebhookAttempt['tag'];
  payload: WebhookPayload;
  order: WebhookOrder;
}

/** The webhook sender; also the store of every attempt. */
export class WebhookDispatcher implements WebhookSink {
  readonly attempts: WebhookAttempt[] = [];
  private seq = 0;

  constructor(private readonly deps: Deps) {}

  /** Sends one event; settles after the primary copy's first attempt (or at once when dropped). */
  send(order: WebhookOrder): Promise<void> {
    const fault = order.scenario?.webhookFault ?? this.takeGlobalFault(order);
    const eventId = this.deps.ids.eventId('evt');
    const payload = this.payloadFor(order);
    const primary: Copy = {
      eventId,
      deliveryId: this.deps.ids.eventId('dlv'),
      tag: 'primary',
      payload,
      order,
    };
    if (fault.mode === 'drop') {
      this.record(primary, 1, { outcome: 'dropped', url: this.deps.config.webhookUrl });
      return Promise.resolve();
    }
    const delay = fault.mode === 'delay' ? (fault.delayMs ?? DEFAULT_DELAY_MS) : 0;
    const first = this.deliver(primary, delay);
    void first.then(() => {
      if (fault.mode === 'duplicate') {
        const copies = Math.max(2, fault.copies ?? 2);
        for (let i = 1; i < copies; i++) {
          void this.deliver({ ...primary, deliveryId: this.deps.ids.eventId('dlv'), tag: 'duplicate' }, 0);
        }
      }
      if (fault.mode === 'out-of-order') {
        const stale = this.stalePayload(order);
        const staleCopy: Copy = {
          eventId: this.deps.ids.eventId('evt'),
          deliveryId: this.deps.ids.eventId('dlv'),
          tag: 'stale',
          payload: stale,
          order,
        };
        void this.deliver(staleCopy, 0);
      }
    });
    return first;
  }

  /** Forgets every attempt (reset). */
  clear(): void {
    this.attempts.length = 0;
  }

  private takeGlobalFault(order: WebhookOrder): WebhookFault {
    const fault = this.deps.config.webhookFault;
    if (fault.mode === 'none') return fault;
    // Out-of-order needs a newer event to overtake; a decline has none, so it passes untouched.
    if (fault.mode === 'out-of-order' && order.attempt.result !== 'aprobada') return { mode: 'none' };
    if (fault.count !== undefined) {
      const left = fault.count - 1;
      this.deps.config.webhookFault = left > 0 ? { ...fault, count: left } : { mode: 'none' };
    }
    return fault;
  }

  private payloadFor(order: WebhookOrder): WebhookPayload {
    return buildPayload({
      kind: order.kind,
      request: order.request,
      attempt: order.attempt,
      amountCents: order.amountCents,
      tipCents: order.tipCents,
      userId: this.deps.config.userId,
      arqc: this.deps.ids.arqc(),
      receiptId: receiptIdFor(order.attempt.transactionId),
    });
  }

  /** The older event that arrives after the newer one: a decline before an approval, or the sale after its refund. */
  private stalePayload(order: WebhookOrder): WebhookPayload {
    const { request } = order;
    const sale = request.attempts.find((a) => a.result === 'aprobada');
    if (order.kind === 'devolucion' && sale) {
      return this.payloadFor({
        ...order,
        kind: 'venta',
        attempt: sale,
        amountCents: request.amountCents,
        tipCents: request.tipCents > 0 ? request.tipCents : null,
      });
    }
    // Prefer a real earlier decline of this request; otherwise invent one a whole second earlier, so its
    // second-resolution authorizationTime is strictly older than the approval's.
    const earlier = request.attempts
      .filter((a) => a.result !== 'aprobada' && a.at <= order.attempt.at)
      .at(-1);
    const at = earlier ? earlier.at : order.attempt.at - STALE_AGE_MS;
    const attempt = { ...(earlier ?? order.attempt), at, result: earlier?.result ?? ('rechazada' as const) };
    attempt.authorization = null;
    if (!earlier) attempt.transactionId = this.deps.ids.transactionId();
    return this.payloadFor({ ...order, attempt });
  }

  /** Runs the attempts of one copy; resolves after the first one finishes. */
  private deliver(copy: Copy, initialDelay: number): Promise<void> {
    return new Promise((resolveFirst) => {
      const attemptOnce = async (n: number): Promise<void> => {
        const entry = await this.attempt(copy, n);
        // The retry is scheduled *before* the attempt is announced, so a listener that reacts to the
        // announcement (e.g. a test advancing a ManualClock) always finds the retry timer in place.
        const wait = this.deps.config.retryScheduleMs[n - 1];
        const retry = entry.outcome !== 'delivered' && entry.outcome !== 'no-url';
        if (retry && wait !== undefined) this.deps.timers.set(wait, () => void attemptOnce(n + 1));
        if (entry.outcome !== 'no-url')
          this.deps.bus.emit({ type: 'webhook.attempt', attempt: { ...entry } });
        if (n === 1) resolveFirst();
      };
      if (initialDelay > 0) {
        this.deps.timers.set(initialDelay, () => void attemptOnce(1));
      } else {
        void attemptOnce(1);
      }
    });
  }

  /** One HTTP attempt; the returned entry holds its outcome (not yet announced, except `no-url`). */
  private async attempt(copy: Copy, n: number): Promise<WebhookAttempt> {
    const url = this.deps.config.webhookUrl;
    if (url === null) return this.record(copy, n, { outcome: 'no-url', url: null });
    const body = JSON.stringify(copy.payload);
    const headers: Record<string, string> = {};
    const signed = this.deps.config.signWebhooks;
    if (signed) {
      headers['X-BP-Signature'] = this.deps.signer.sign(body);
      headers['X-BP-SignatureKey'] = this.deps.config.signingKeyIndex;
    }
    const entry = this.record(copy, n, { outcome: 'pending', url, startedAt: this.deps.clock.now(), signed });
    const outcome = await postJson(url, body, headers, this.deps.config.replyTimeoutMs);
    entry.finishedAt = this.deps.clock.now();
    if (outcome.kind === 'status') {
      entry.statusCode = outcome.statusCode;
      entry.outcome = outcome.statusCode === 200 ? 'delivered' : 'failed';
    } else if (outcome.kind === 'timeout') {
      entry.outcome = 'timeout';
    } else {
      entry.outcome = 'failed';
      entry.error = outcome.message;
    }
    return entry;
  }

  private record(copy: Copy, n: number, fields: Partial<WebhookAttempt>): WebhookAttempt {
    const now = this.deps.clock.now();
    const entry: WebhookAttempt = {
      seq: ++this.seq,
      eventId: copy.eventId,
      deliveryId: copy.deliveryId,
      uniqueReference: copy.order.request.uniqueReference,
      serialNumber: copy.order.request.serialNumber,
      transactionType: copy.payload.transactionType as WebhookAttempt['transactionType'],
      result: copy.payload.result as WebhookAttempt['result'],
      attempt: n,
      tag: copy.tag,
      url: null,
      scheduledAt: now,
      startedAt: null,
      finishedAt: fields.outcome === 'pending' ? null : now,
      statusCode: null,
      outcome: 'pending',
      error: null,
      payload: copy.payload,
      signed: false,
      ...fields,
    };
    this.attempts.push(entry);
    this.deps.bus.emit({ type: 'webhook.attempt', attempt: { ...entry } });
    return entry;
  }
}
