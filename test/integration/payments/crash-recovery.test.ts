import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../app/domain/payment-view';
import type { PaymentGateway } from '../../../app/ports/payment-gateway.port';
import {
  APPROVE_DELAY_MS,
  DEADLINE_MS,
  fillCart,
  SERIAL,
  startPaymentsHarness,
  type PaymentsHarness,
} from '../../support/payments-harness';

let h: PaymentsHarness;
afterEach(async () => h?.close());

const never = <T>() => new Promise<T>(() => undefined);

/** A gateway whose push stops the world at a chosen point, as a crash would. */
function crashingPush(point: 'before-post' | 'after-post'): (base: PaymentGateway) => PaymentGateway {
  return (base) => ({
    push: async (request) => {
      if (point === 'after-post') await base.push(request);
      return never();
    },
    getStatus: (reference) => base.getStatus(reference),
    cancel: (reference, serial) => base.cancel(reference, serial),
    refund: (reference) => base.refund(reference),
  });
}

/** Every approved Kushki request is exactly one approved payment in Caja, and vice versa. */
async function expectLedgersAgree(paymentIds: number[]) {
  const approvedAtKushki = h.sim.requests.list().filter((r) => r.status === 'APPROVED');
  const approvedHere: string[] = [];
  for (const paymentId of paymentIds) {
    const reply = await h.reply('payments.get', { paymentId });
    if (reply.ok) {
      const { payment } = reply.value as { payment: PaymentView };
      if (payment.status === 'approved') approvedHere.push(payment.uniqueReference ?? '');
    }
  }
  expect(approvedHere.sort()).toEqual(approvedAtKushki.map((r) => r.uniqueReference).sort());
}

describe('the app killed mid-payment and restarted', () => {
  it('after persisting, before the POST: the restart sends it (same reference) and it is approved once', async () => {
    // Manual time: the restart comes before the deadline, however loaded the machine.
    h = await startPaymentsHarness({ time: 'manual', gateway: crashingPush('before-post') });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    expect(h.sim.requests.list()).toHaveLength(0);
    h.stopCore();
    await h.restart({ gateway: (base) => base });
    await h.waitForStatus(payment.id, ['sent']);
    // The customer taps the card: the simulator approves after its approve delay.
    h.advance(APPROVE_DELAY_MS);
    const approved = await h.waitForStatus(payment.id, ['approved']);
    expect(approved.uniqueReference).toBe(payment.uniqueReference);
    await expectLedgersAgree([payment.id]);
  });

  it('after persisting, before the POST, restarted only past the deadline: failed, never sent, nothing charged', async () => {
    h = await startPaymentsHarness({ time: 'manual', gateway: crashingPush('before-post') });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    h.stopCore();
    // Past ttl + grace the customer is long gone: sending now could charge them for nothing they saw.
    h.advance(DEADLINE_MS);
    await h.restart({ gateway: (base) => base });
    const failed = await h.waitForStatus(payment.id, ['failed']);
    expect(failed.failureReason).toBe('never_registered');
    expect(h.sim.requests.list()).toHaveLength(0);
  });

  it('after the POST, before the 201: the restart finds the request and it is approved once', async () => {
    h = await startPaymentsHarness({ gateway: crashingPush('after-post') });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.sim.requests.waitFor(payment.uniqueReference ?? '', 'CREATED');
    h.stopCore();
    await h.restart({ gateway: (base) => base });
    await h.waitForStatus(payment.id, ['approved']);
    expect(h.sim.requests.list()).toHaveLength(1);
    await expectLedgersAgree([payment.id]);
  });

  it('while waiting for the card, with the webhook lost during the outage: start-up reconciliation finds it', async () => {
    h = await startPaymentsHarness({ time: 'manual', sim: { behaviour: 'manual' } });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['sent']);
    h.stopCore();
    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
    h.sim.approve(onScreen.uniqueReference);
    await h.sim.requests.waitFor(onScreen.uniqueReference, 'APPROVED');
    await h.restart();
    await h.waitForStatus(payment.id, ['approved']);
    await expectLedgersAgree([payment.id]);
  });

  it('a payment nobody can settle becomes unknown, blocks a second charge, and resolves when Kushki answers', async () => {
    let kushkiReachable = true;
    h = await startPaymentsHarness({
      time: 'manual',
      sim: { behaviour: 'manual' },
      gateway: (base) => ({
        push: (request) => base.push(request),
        getStatus: async (reference) =>
          kushkiReachable
            ? base.getStatus(reference)
            : { kind: 'uncertain', reason: 'test: Kushki unreachable' },
        cancel: (reference, serial) => base.cancel(reference, serial),
        refund: (reference) => base.refund(reference),
      }),
    });
    h.sim.webhooks.setFault({ mode: 'drop' });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['sent']);
    kushkiReachable = false;
    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
    h.sim.approve(onScreen.uniqueReference);
    // No webhook and no answer from Kushki: the deadline passes and the payment is unknown.
    h.advance(DEADLINE_MS);
    await h.waitForStatus(payment.id, ['unknown']);
    const second = await h.reply('payments.card.start', {});
    expect(second.ok ? 'ok' : second.error.code).toBe('conflict');
    kushkiReachable = true;
    const verified = await h.call<PaymentView>('payments.verify', { paymentId: payment.id });
    expect(verified.status).toBe('approved');
  });
});
