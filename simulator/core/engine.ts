// The payment-request state machine of §7 and the terminals' queues:
//   CREATED → APPROVED → REFUNDED;  CREATED → CANCELLED (by the cancel API, by ttl, by the customer).
// A decline leaves the request CREATED (§8 #9) unless `afterDecline` is 'cancel'. Final states never move back.
import type { TimerSet, CancelTimer, Clock } from './clock';
import type { SimConfig } from './config';
import type { EventBus } from './event-bus';
import type { IdFactory } from './ids';
import type { Cents } from './money';
import { fail, ok, type Result } from './result';
import { findMagicAmount, scenarioForBehaviour, type Scenario } from './scenarios';
import type { TerminalRegistry, TerminalRecord } from './terminals';
import type { CancelledBy, CardAttempt, CardBrand, DeclineResult, RequestView } from '../types';

/** What the push handler hands over once a request passed validation. */
export type NewRequest = Omit<
  RequestView,
  | 'status'
  | 'transactionId'
  | 'createdAt'
  | 'updatedAt'
  | 'expiresAt'
  | 'cancelledBy'
  | 'refundedCents'
  | 'attempts'
  | 'terminalState'
>;

/** One webhook the engine wants sent; the dispatcher decides faults and retries. */
export interface WebhookOrder {
  kind: 'venta' | 'devolucion';
  request: RequestView;
  attempt: CardAttempt;
  amountCents: Cents;
  tipCents: Cents | null;
  scenario: Scenario | null;
}

/** Where the engine sends webhooks; the promise settles after the first attempt of the primary copy. */
export interface WebhookSink {
  send(order: WebhookOrder): Promise<void>;
}

/** Options of an approval (from the page, the control API or the library). */
export interface ApproveOptions {
  brand?: CardBrand;
  last4?: string;
  /** Tip typed on the terminal; only when the request enabled `extras.enableDialogTip` (§8 #17). */
  tipCents?: Cents;
}

interface Deps {
  clock: Clock;
  timers: TimerSet;
  ids: IdFactory;
  bus: EventBus;
  config: SimConfig;
  terminals: TerminalRegistry;
  webhooks: WebhookSink;
  onChange: () => void;
}

/** Owns every payment request and moves it through the state machine. */
export class Engine {
  readonly requests = new Map<string, RequestView>();
  private stepTimers = new Map<string, CancelTimer[]>();
  private ttlTimers = new Map<string, CancelTimer>();
  private scenarios = new Map<string, Scenario>();

  constructor(private readonly deps: Deps) {}

  /** Registers a validated request, queues it on its terminal and starts its ttl. */
  create(input: NewRequest): RequestView {
    const now = this.deps.clock.now();
    const request: RequestView = {
      ...input,
      status: 'CREATED',
      transactionId: null,
      createdAt: now,
      updatedAt: now,
      expiresAt: now + input.ttlSeconds * 1000,
      cancelledBy: null,
      refundedCents: 0,
      attempts: [],
      terminalState: 'queued',
    };
    this.requests.set(request.uniqueReference, request);
    this.armTtl(request);
    this.deps.bus.emit({ type: 'request.created', request: copy(request) });
    const terminal = this.deps.terminals.get(request.serialNumber);
    if (terminal) {
      terminal.queue.push(request.uniqueReference);
      this.advance(terminal);
    }
    this.deps.onChange();
    return copy(request);
  }

  /** A copy of one request. */
  view(ref: string): RequestView | undefined {
    const request = this.requests.get(ref);
    return request ? copy(request) : undefined;
  }

  /** The card is approved on the terminal. Resolves `webhook` after the first delivery attempt. */
  approve(ref: string, options: ApproveOptions = {}): Result<{ view: RequestView; webhook: Promise<void> }> {
    const checked = this.onScreen(ref);
    if (!checked.ok) return checked;
    const request = checked.value;
    if (options.tipCents !== undefined && !request.extras.enableDialogTip) {
      return fail(
        'tip_not_allowed',
        'a tip can be typed on the terminal only when extras.enableDialogTip is true',
      );
    }
    if (options.tipCents !== undefined) request.tipCents = options.tipCents;
    const attempt = this.cardAttempt('aprobada', options.brand, options.last4);
    attempt.authorization = this.deps.ids.authorization();
    request.attempts.push(attempt);
    request.transactionId = attempt.transactionId;
    this.finish(request, 'APPROVED', 'approved');
    const webhook = this.deps.webhooks.send({
      kind: 'venta',
      request: copy(request),
      attempt,
      amountCents: request.amountCents,
      tipCents: request.tipCents > 0 ? request.tipCents : null,
      scenario: this.scenarios.get(ref) ?? null,
    });
    return ok({ view: copy(request), webhook });
  }

  /** The card is declined; the request stays CREATED for another card unless `afterDecline` says cancel. */
  decline(ref: string, result: DeclineResult = 'rechazada', brand?: CardBrand): Result<RequestView> {
    const checked = this.onScreen(ref);
    if (!checked.ok) return checked;
    const request = checked.value;
    const attempt = this.cardAttempt(result, brand);
    request.attempts.push(attempt);
    request.updatedAt = this.deps.clock.now();
    if (this.deps.config.declineWebhooks) {
      void this.deps.webhooks.send({
        kind: 'venta',
        request: copy(request),
        attempt,
        amountCents: request.amountCents,
        tipCents: request.tipCents > 0 ? request.tipCents : null,
        scenario: this.scenarios.get(ref) ?? null,
      });
    }
    if (this.deps.config.afterDecline === 'cancel') this.finish(request, 'CANCELLED', 'declined', 'customer');
    else this.changed(request, `declined: ${result}`);
    return ok(copy(request));
  }

  /** Cancels a CREATED request (by the API, the ttl or the customer); otherwise `not_pending`. */
  cancel(ref: string, by: CancelledBy): Result<RequestView> {
    const request = this.requests.get(ref);
    if (!request) return fail('not_found', `uniqueReference ${ref} not found`);
    if (request.status !== 'CREATED') return fail('not_pending', `request is ${request.status}`);
    this.finish(request, 'CANCELLED', `cancelled by ${by}`, by);
    return ok(copy(request));
  }

  /** Refunds an APPROVED sale, fully or partly; REFUNDED only once the whole charge is returned (§8 #6). */
  refund(ref: string, amountCents?: Cents): Result<RequestView> {
    const request = this.requests.get(ref);
    if (!request) return fail('not_found', `uniqueReference ${ref} not found`);
    if (request.status !== 'APPROVED') return fail('not_approved', `request is ${request.status}`);
    const charged = request.amountCents + request.tipCents;
    const remaining = charged - request.refundedCents;
    const refund = amountCents ?? remaining;
    if (refund <= 0 || refund > remaining) {
      return fail(
        'invalid_input',
        'refundAmount must be greater than 0 and not exceed the refundable amount',
      );
    }
    const sale = request.attempts.find((a) => a.result === 'aprobada');
    const attempt = this.cardAttempt('aprobada', sale?.brand, sale?.last4);
    attempt.authorization = this.deps.ids.authorization();
    request.refundedCents += refund;
    const full = request.refundedCents === charged;
    if (full) this.finish(request, 'REFUNDED', 'refunded');
    else this.changed(request, 'partially refunded');
    // A refund of everything at once reports amount and tip like the sale; partial refunds carry no tip.
    const wholeAtOnce = full && refund === charged;
    void this.deps.webhooks.send({
      kind: 'devolucion',
      request: copy(request),
      attempt,
      amountCents: wholeAtOnce ? request.amountCents : refund,
      tipCents: wholeAtOnce && request.tipCents > 0 ? request.tipCents : null,
      scenario: this.scenarios.get(ref) ?? null,
    });
    return ok(copy(request));
  }

  /** Finds the request an `amount`-less refund (valquiria style `saleId`) refers to. */
  findByTransactionId(transactionId: string): RequestView | undefined {
    for (const request of this.requests.values()) {
      if (request.transactionId === transactionId) return request;
    }
    return undefined;
  }

  /** Re-arms ttl timers and terminal screens after a restore from the state file. */
  resume(): void {
    for (const request of this.requests.values()) {
      if (request.status === 'CREATED') this.armTtl(request);
    }
    for (const terminal of this.deps.terminals.records.values()) {
      if (terminal.current) {
        const current = this.requests.get(terminal.current);
        terminal.current = null;
        if (current?.status === 'CREATED') terminal.queue.unshift(current.uniqueReference);
      }
      this.advance(terminal);
    }
  }

  /** Drops every request and timer (terminals are reset by the caller). */
  clear(): void {
    for (const cancels of this.stepTimers.values()) cancels.forEach((c) => c());
    for (const cancel of this.ttlTimers.values()) cancel();
    this.stepTimers.clear();
    this.ttlTimers.clear();
    this.scenarios.clear();
    this.requests.clear();
  }

  /** Shows the next waiting request on a free terminal and starts its scenario. */
  advance(terminal: TerminalRecord): void {
    while (!terminal.current && terminal.queue.length > 0) {
      const ref = terminal.queue.shift() as string;
      const request = this.requests.get(ref);
      if (!request || request.status !== 'CREATED') continue;
      terminal.current = ref;
      request.terminalState = 'on-screen';
      const magic = request.magic === null ? null : findMagicAmount(request.amountCents);
      const scenario = magic ? magic.scenario : scenarioForBehaviour(terminal.behaviour);
      this.scenarios.set(ref, scenario);
      this.schedule(request, scenario, terminal.approveDelayMs);
      this.changed(request, 'on screen');
    }
    this.deps.bus.emit({ type: 'terminal.updated', terminal: { ...terminal, queue: [...terminal.queue] } });
  }

  private schedule(request: RequestView, scenario: Scenario, delayMs: number): void {
    const cancels = scenario.steps.map((step, index) =>
      this.deps.timers.set(delayMs * (index + 1), () => {
        if (request.status !== 'CREATED') return;
        if (step.action === 'approve') this.approve(request.uniqueReference);
        else if (step.action === 'decline') this.decline(request.uniqueReference, step.result);
        else this.cancel(request.uniqueReference, 'customer');
      }),
    );
    this.stepTimers.set(request.uniqueReference, cancels);
  }

  private armTtl(request: RequestView): void {
    const wait = Math.max(0, request.expiresAt - this.deps.clock.now());
    const cancel = this.deps.timers.set(wait, () => {
      this.ttlTimers.delete(request.uniqueReference);
      if (request.status === 'CREATED') this.cancel(request.uniqueReference, 'ttl');
    });
    this.ttlTimers.set(request.uniqueReference, cancel);
  }

  private onScreen(ref: string): Result<RequestView> {
    const request = this.requests.get(ref);
    if (!request) return fail('not_found', `uniqueReference ${ref} not found`);
    if (request.status !== 'CREATED') return fail('not_pending', `request is ${request.status}`);
    if (request.terminalState !== 'on-screen') {
      return fail('not_on_screen', 'request is still queued behind another one on its terminal');
    }
    return ok(request);
  }

  private cardAttempt(result: CardAttempt['result'], brand: CardBrand = 'VISA', last4?: string): CardAttempt {
    return {
      at: this.deps.clock.now(),
      result,
      transactionId: this.deps.ids.transactionId(),
      authorization: null,
      brand,
      last4: last4 ?? this.deps.ids.last4(brand),
    };
  }

  private finish(
    request: RequestView,
    status: RequestView['status'],
    change: string,
    by?: CancelledBy,
  ): void {
    request.status = status;
    request.updatedAt = this.deps.clock.now();
    if (by) request.cancelledBy = by;
    if (status !== 'CREATED' && request.terminalState !== 'done') {
      request.terminalState = 'done';
      this.stepTimers.get(request.uniqueReference)?.forEach((cancel) => cancel());
      this.stepTimers.delete(request.uniqueReference);
      this.ttlTimers.get(request.uniqueReference)?.();
      this.ttlTimers.delete(request.uniqueReference);
      const terminal = this.deps.terminals.get(request.serialNumber);
      if (terminal) {
        if (terminal.current === request.uniqueReference) terminal.current = null;
        terminal.queue = terminal.queue.filter((ref) => ref !== request.uniqueReference);
        this.changed(request, change);
        this.advance(terminal);
        return;
      }
    }
    this.changed(request, change);
  }

  private changed(request: RequestView, change: string): void {
    this.deps.bus.emit({ type: 'request.updated', request: copy(request), change });
    this.deps.onChange();
  }
}

function copy(request: RequestView): RequestView {
  return {
    ...request,
    extras: { ...request.extras },
    attempts: request.attempts.map((a) => ({ ...a })),
  };
}
