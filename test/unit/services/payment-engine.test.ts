/**
 * The payment engine with manual time, a scripted fake gateway and a real SQLite file: when it
 * verifies, what a webhook changes, what it never undoes, what it does about a push Kushki never
 * registered, and that stop() stops it. No wall clock anywhere: the test moves the clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Payment } from '../../../app/domain/payment';
import type { EngineOperations, StatusFollowUps } from '../../../app/services/payments/engine-follow-ups';
import { InboundWebhooksService } from '../../../app/services/payments/inbound-webhooks.service';
import { found } from '../../support/fake-scripted-gateway';
import { engineFixture, settle, type EngineFixture } from '../../support/engine-fixture';

let f: EngineFixture;
afterEach(() => f?.close());

const queued = { kind: 'queued' } as const;
const lost = { kind: 'uncertain', reason: 'test: the answer was lost' } as const;

/** The statuses a payment went through, from its ledger. */
function transitions(paymentId: number): string[] {
  return f.payments
    .events(paymentId)
    .filter((e) => e.kind === 'transition')
    .map((e) => `${e.fromStatus}→${e.toStatus}`);
}

describe('the verification schedule', () => {
  it('checks after 1, 2 and 4 s, then every 4 s up to the deadline, unknown from there, then slowly', async () => {
    f = engineFixture({ script: { push: [queued], getStatus: [found('CREATED')] } });
    const t0 = f.time.clock.now();
    const payment = await f.startCard();
    expect(payment.status).toBe('sent');

    await f.runFor(150_000);

    const at = f.gateway.times('getStatus').map((t) => t - t0);
    // Backoff in order, the last delay repeating, the final check at the deadline itself (ttl 10 s + grace 10 s).
    expect(at.filter((t) => t <= 20_000)).toEqual([1_000, 3_000, 7_000, 11_000, 15_000, 19_000, 20_000]);
    // Past the deadline: one slow check a minute.
    expect(at.filter((t) => t > 20_000)).toEqual([80_000, 140_000]);
    expect(f.payment(payment.id).status).toBe('unknown');
    const unknownAt = f.payments.events(payment.id).find((e) => e.toStatus === 'unknown')?.at;
    expect(unknownAt! - t0).toBe(20_000);
    // Still in doubt: the next slow check is stored, so a restart finds it.
    expect(f.payment(payment.id).nextCheckAt! - t0).toBe(200_000);
  });

  it('a webhook verifies at once, and the approval ends the schedule', async () => {
    f = engineFixture({ script: { push: [queued], getStatus: [found('APPROVED')] } });
    const t0 = f.time.clock.now();
    const payment = await f.startCard();
    const inbound = new InboundWebhooksService({
      engine: f.engine,
      payments: f.payments,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });

    const accepted = inbound.accept({
      eventId: 'relay-1',
      payload: { result: 'aprobada', transactionType: 'venta', uniqueReference: payment.uniqueReference },
      receivedAt: t0,
    });
    await accepted.verification;

    expect(accepted.stored).toBe(true);
    // Verified with the clock where it was: no wait for the schedule's first check.
    expect(f.gateway.times('getStatus')).toEqual([t0]);
    expect(f.payment(payment.id)).toMatchObject({ status: 'approved', nextCheckAt: null });
    expect(f.published.map((e) => e.event)).toContain('sales.completed');
    await f.runFor(60_000);
    expect(f.gateway.times('getStatus')).toEqual([t0]);
  });

  it('never undoes a final state: a stale CANCELLED after the approval is refused and recorded', async () => {
    f = engineFixture({ script: { push: [queued], getStatus: [found('APPROVED')] } });
    const payment = await f.startCard();
    await f.runFor(1_000);
    expect(f.payment(payment.id).status).toBe('approved');

    f.gateway.answer('getStatus', [found('CANCELLED')]);
    const after = await f.engine.withLock(payment.id, () => f.engine.verify(f.payment(payment.id)));

    expect(after.status).toBe('approved');
    expect(transitions(payment.id)).toEqual(['requested→sent', 'sent→approved']);
    const refused = f.payments.events(payment.id).filter((e) => e.kind === 'transition_refused');
    expect(refused.map((e) => JSON.parse(e.detail ?? '{}') as unknown)).toEqual([
      { from: 'approved', to: 'canceled', source: 'kushki_status' },
    ]);
  });

  it('unknown goes back to sent when Kushki still holds the request, and approved when it says so', async () => {
    f = engineFixture({ script: { push: [queued], getStatus: [found('CREATED')] } });
    const payment = await f.startCard();
    await f.runFor(20_000);
    expect(f.payment(payment.id).status).toBe('unknown');

    f.gateway.answer('getStatus', [found('APPROVED')]);
    await f.runFor(60_000);

    expect(f.payment(payment.id).status).toBe('approved');
    expect(transitions(payment.id)).toEqual(['requested→sent', 'sent→unknown', 'unknown→approved']);
  });
});

describe('a push Kushki never registered', () => {
  it('is sent again with the same reference while the customer may still be there', async () => {
    f = engineFixture({
      script: { push: [lost, queued], getStatus: [{ kind: 'not_found' }, found('CREATED')] },
    });
    const payment = await f.startCard();
    expect(payment.status).toBe('requested');

    await f.runFor(1_000);

    expect(f.gateway.pushes.map((p) => p.uniqueReference)).toEqual([
      payment.uniqueReference,
      payment.uniqueReference,
    ]);
    expect(f.payment(payment.id).status).toBe('sent');
    expect(f.payments.events(payment.id).map((e) => e.kind)).toContain('resend');
  });

  it('fails as never registered once the deadline has passed, and nothing is charged', async () => {
    f = engineFixture({ script: { push: [lost], getStatus: [{ kind: 'not_found' }] } });
    const payment = await f.startCard();

    await f.runFor(30_000);

    expect(f.payment(payment.id)).toMatchObject({ status: 'failed', failureReason: 'never_registered' });
    expect(new Set(f.gateway.pushes.map((p) => p.uniqueReference))).toEqual(
      new Set([payment.uniqueReference]),
    );
    const checks = f.gateway.times('getStatus').length;
    await f.runFor(120_000);
    expect(f.gateway.times('getStatus')).toHaveLength(checks);
  });

  it('goes to the follow-ups given to the engine, which get the engine with each call', async () => {
    const calls: string[] = [];
    const followUps: StatusFollowUps = {
      afterStatus: async (p: Payment, view) => {
        calls.push(`afterStatus ${p.id} ${view.status}`);
        return p;
      },
      onNotRegistered: async (p: Payment, engine: EngineOperations) => {
        calls.push(`onNotRegistered ${p.id} ${p.status}`);
        return engine.scheduleNext(p);
      },
    };
    f = engineFixture({
      script: { push: [lost], getStatus: [{ kind: 'not_found' }, found('CREATED')] },
      followUps,
    });
    const payment = await f.startCard();

    await f.runFor(3_000);

    expect(calls).toEqual([`onNotRegistered ${payment.id} requested`, `afterStatus ${payment.id} CREATED`]);
  });
});

describe('stop()', () => {
  it('cancels the timer; the due check stays in SQLite and the next engine runs it', async () => {
    f = engineFixture({ script: { push: [queued], getStatus: [found('APPROVED')] } });
    const payment = await f.startCard();
    expect(f.time.pending()).toBe(1);

    f.engine.stop();
    expect(f.time.pending()).toBe(0);
    await f.runFor(30_000);
    expect(f.gateway.times('getStatus')).toEqual([]);
    expect(f.payment(payment.id).nextCheckAt).not.toBeNull();

    const restarted = f.restart();
    restarted.schedule();
    f.time.advance(0);
    await settle();
    expect(f.gateway.times('getStatus')).toEqual([f.time.clock.now()]);
    expect(f.payment(payment.id).status).toBe('approved');
  });
});
