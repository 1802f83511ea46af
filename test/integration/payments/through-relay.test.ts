import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentDetail, PaymentView } from '../../../app/domain/payment-view';
import { fillCart, SERIAL, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';

let h: PaymentsHarness;
afterEach(async () => h?.close());

describe('simulator → relay → relay client → payment engine', () => {
  it('approves a card sale from the webhook that came through the relay', async () => {
    h = await startPaymentsHarness({ viaRelay: true, time: 'manual', sim: { behaviour: 'manual' } });
    await expect.poll(() => h.relay?.statuses.at(-1)?.state, { timeout: 5_000 }).toBe('connected');
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
    h.sim.approve(onScreen.uniqueReference, { brand: 'MASTERCARD' });
    await h.waitForStatus(payment.id, ['approved']);
    // The scheduled get-status may find the approval before the webhook is in: wait for the webhook.
    await expect
      .poll(async () => {
        const shown = await h.call<PaymentDetail>('payments.get', { paymentId: payment.id });
        return shown.timeline.some((e) => e.kind === 'webhook');
      })
      .toBe(true);
    const detail = await h.call<PaymentDetail>('payments.get', { paymentId: payment.id });
    const webhook = detail.timeline.find((e) => e.kind === 'webhook');
    // The simulator signs as Billpocket does and the relay has the key: the verdict came through.
    expect(webhook?.signature).toBe('verified');
    expect(webhook?.source).toBe('relay');
    expect(JSON.parse(webhook?.rawPayload ?? '{}')).toMatchObject({
      result: 'aprobada',
      cardtype: 'MASTERCARD',
    });
    expect(detail.payment.cardBrand).toBe('MASTERCARD');
    expect(h.core.relayInbox.cursor()).toBeGreaterThanOrEqual(1);
    const status = await h.call<{ state: string }>('relay.status.get', {});
    expect(status.state).toBe('connected');
  });

  it('the app is down while the webhook arrives: after restart the relay replays it', async () => {
    h = await startPaymentsHarness({ viaRelay: true, time: 'manual', sim: { behaviour: 'manual' } });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['sent']);
    h.stopCore();
    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
    h.sim.approve(onScreen.uniqueReference);
    await h.sim.webhooks.waitFor(
      (a) => a.uniqueReference === onScreen.uniqueReference && a.outcome === 'delivered',
    );
    await h.restart();
    await h.waitForStatus(payment.id, ['approved']);
    await expect
      .poll(async () => {
        const detail = await h.call<PaymentDetail>('payments.get', { paymentId: payment.id });
        return detail.timeline.some((e) => e.kind === 'webhook' && e.source === 'relay');
      })
      .toBe(true);
  });

  it('the relay stops during a payment: verification settles it and the status bar says reconnecting', async () => {
    h = await startPaymentsHarness({ viaRelay: true });
    await expect.poll(() => h.relay?.statuses.at(-1)?.state, { timeout: 5_000 }).toBe('connected');
    await h.relay?.handle.close();
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['approved']);
    const status = await h.call<{ state: string }>('relay.status.get', {});
    expect(status.state).toBe('reconnecting');
  });
});
