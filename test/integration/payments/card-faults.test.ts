import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentDetail, PaymentView } from '../../../app/domain/payment-view';
import { fillCart, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';

let h: PaymentsHarness;
afterEach(async () => h?.close());

/** Charges `cents` by card as part of a $20.00 sale: the simulator reads the cents as a scenario. */
async function chargeMagic(cents: number): Promise<PaymentView> {
  await fillCart(h);
  return h.call<PaymentView>('payments.card.start', { amount: cents });
}

async function timeline(paymentId: number) {
  return (await h.call<PaymentDetail>('payments.get', { paymentId })).timeline;
}

describe('webhook faults', () => {
  it('duplicated webhook (.62): one approval, both deliveries kept in the ledger', async () => {
    h = await startPaymentsHarness();
    const payment = await chargeMagic(1062);
    await h.waitForStatus(payment.id, ['approved']);
    await expect
      .poll(async () => (await timeline(payment.id)).filter((e) => e.kind === 'webhook').length)
      .toBe(2);
    const approvals = (await timeline(payment.id)).filter(
      (e) => e.kind === 'transition' && e.toStatus === 'approved',
    );
    expect(approvals).toHaveLength(1);
  });

  it('out of order (.64): a stale decline after the approval changes nothing', async () => {
    h = await startPaymentsHarness();
    const payment = await chargeMagic(1064);
    await h.waitForStatus(payment.id, ['approved']);
    await h.sim.webhooks.waitFor((a) => a.uniqueReference === payment.uniqueReference && a.tag === 'stale');
    await expect
      .poll(async () => (await timeline(payment.id)).filter((e) => e.kind === 'webhook').length)
      .toBeGreaterThanOrEqual(2);
    const after = await h.call<PaymentDetail>('payments.get', { paymentId: payment.id });
    expect(after.payment.status).toBe('approved');
    expect(after.payment.failureReason).toBeNull();
  });

  it('lost webhook (.61): verification finds the approval', async () => {
    h = await startPaymentsHarness();
    const payment = await chargeMagic(1061);
    await h.waitForStatus(payment.id, ['approved']);
    expect((await timeline(payment.id)).some((e) => e.kind === 'webhook')).toBe(false);
  });

  it('delayed webhook (.63): approved by verification first; the late webhook changes nothing', async () => {
    h = await startPaymentsHarness();
    const payment = await chargeMagic(1063);
    await h.waitForStatus(payment.id, ['approved']);
    await expect
      .poll(async () => (await timeline(payment.id)).some((e) => e.kind === 'webhook'), { timeout: 8_000 })
      .toBe(true);
    const approvals = (await timeline(payment.id)).filter((e) => e.toStatus === 'approved');
    expect(approvals).toHaveLength(1);
  });

  it('early webhook (.65), before the push has its 201: still one approval', async () => {
    h = await startPaymentsHarness();
    const payment = await chargeMagic(1065);
    await h.waitForStatus(payment.id, ['approved']);
    expect((await timeline(payment.id)).filter((e) => e.toStatus === 'approved')).toHaveLength(1);
  });

  it('relay down for the whole payment (no webhook at all): verification resolves it', async () => {
    h = await startPaymentsHarness();
    h.sim.setWebhookUrl(null);
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['approved']);
  });

  it('a webhook that matches no payment is kept, not dropped', async () => {
    h = await startPaymentsHarness();
    const accepted = h.core.inbound.accept({
      eventId: 'evt-orphan',
      payload: { result: 'aprobada', uniqueReference: 'not-ours', amount: '10.00' },
      receivedAt: Date.now(),
    });
    expect(accepted.stored).toBe(true);
    const again = h.core.inbound.accept({ eventId: 'evt-orphan', payload: {}, receivedAt: Date.now() });
    expect(again.stored).toBe(false);
  });
});

describe('push faults', () => {
  it('response lost (.71): not failed; verification finds the approval; one request at Kushki', async () => {
    h = await startPaymentsHarness();
    const payment = await chargeMagic(1071);
    await h.waitForStatus(payment.id, ['approved']);
    expect(h.sim.requests.list().filter((r) => r.uniqueReference === payment.uniqueReference)).toHaveLength(
      1,
    );
    expect(
      (await timeline(payment.id)).some((e) => e.kind === 'push' && e.detail?.includes('uncertain')),
    ).toBe(true);
  });

  it('201 held back past the client timeout (.72): the same reference is verified, approved once', async () => {
    h = await startPaymentsHarness({ clientTimeoutMs: 150 });
    const payment = await chargeMagic(1072);
    await h.waitForStatus(payment.id, ['approved']);
    expect(h.sim.requests.list()).toHaveLength(1);
  });

  it('Kushki 5xx (100) on every push (.91): re-sent with the same reference, then failed; nothing charged', async () => {
    h = await startPaymentsHarness();
    const payment = await chargeMagic(1091);
    const failed = await h.waitForStatus(payment.id, ['failed']);
    expect(failed.failureReason).toBe('never_registered');
    const pushes = (await timeline(payment.id)).filter((e) => e.kind === 'push');
    expect(pushes.length).toBeGreaterThan(1);
    expect(h.sim.requests.list()).toHaveLength(0);
  });

  it('a duplicate reference (004) is reconciled through get-status, never charged twice', async () => {
    let hideOnce = true;
    h = await startPaymentsHarness({
      // The first push lands but its answer is lost, and the first get-status has not seen it yet:
      // the engine re-sends with the same reference and meets 004.
      gateway: (base) => ({
        ...base,
        push: async (request) => {
          const outcome = await base.push(request);
          return hideOnce ? { kind: 'uncertain', reason: 'test: answer lost' } : outcome;
        },
        getStatus: async (reference) => {
          if (hideOnce) {
            hideOnce = false;
            return { kind: 'not_found' };
          }
          return base.getStatus(reference);
        },
        cancel: (reference, serial) => base.cancel(reference, serial),
        refund: (reference) => base.refund(reference),
      }),
    });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['approved']);
    const pushes = (await timeline(payment.id)).filter((e) => e.kind === 'push');
    expect(pushes.map((p) => JSON.parse(p.detail ?? '{}').kind)).toEqual(['uncertain', 'duplicate']);
    expect(h.sim.requests.list()).toHaveLength(1);
  });
});
