/**
 * office.payments.detail through the real path: the real simulator over HTTP sends a duplicated
 * webhook (.62) and a stale decline after an approval (.64, through the real relay and the app's
 * relay client); the detail's timeline must show every delivery with its raw body, and mark them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentDetailView, TimelineEntry } from '../../../app/domain/office/transactions';
import type { PaymentView } from '../../../app/domain/payment-view';
import { fillCart, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';
import { signInDemoManager } from '../../support/sign-in';

let h: PaymentsHarness;
afterEach(async () => h?.close());

/** Charges `cents` by card as part of a $20.00 sale: the simulator reads the cents as a scenario. */
async function chargeMagic(cents: number): Promise<PaymentView> {
  await fillCart(h);
  return h.call<PaymentView>('payments.card.start', { amount: cents });
}

/** The detail as a manager sees it, once `ready` holds for its timeline. */
async function detailWhen(
  paymentId: number,
  ready: (webhooks: TimelineEntry[]) => boolean,
): Promise<PaymentDetailView> {
  await signInDemoManager(h.core);
  let detail: PaymentDetailView | undefined;
  await expect
    .poll(async () => {
      detail = await h.call<PaymentDetailView>('office.payments.detail', { paymentId });
      return ready(detail.timeline.filter((e) => e.webhook !== null));
    })
    .toBe(true);
  return detail!;
}

function expectTimeOrdered(timeline: TimelineEntry[]): void {
  expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort((a, b) => a - b));
}

describe('payment detail timeline', () => {
  it('marks the second delivery of a duplicated webhook, and keeps both raw bodies', async () => {
    h = await startPaymentsHarness();
    const payment = await chargeMagic(1062);
    await h.waitForStatus(payment.id, ['approved']);
    const detail = await detailWhen(payment.id, (webhooks) => webhooks.length === 2);

    const [first, second] = detail.timeline.filter((e) => e.webhook !== null);
    expect(first!.webhook).toMatchObject({
      duplicate: false,
      duplicateOf: null,
      outOfOrder: null,
      claims: 'approved',
    });
    expect(second!.webhook).toMatchObject({ duplicate: true, duplicateOf: first!.id, claims: 'approved' });
    expect(JSON.parse(second!.rawPayload!)).toEqual(JSON.parse(first!.rawPayload!));
    expect(JSON.parse(first!.rawPayload!)).toMatchObject({
      uniqueReference: payment.uniqueReference,
      result: 'aprobada',
    });

    // The rest of the story is there too: request, Kushki's answers, verifications, who started it.
    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['created', 'push', 'status_check', 'transition', 'payment.card.started']),
    );
    const started = detail.timeline.find((e) => e.kind === 'payment.card.started')!;
    expect(started).toMatchObject({ origin: 'audit', actorName: 'Ana López' });
    expect(detail.payment).toMatchObject({ id: payment.id, status: 'approved', cashierName: 'Ana López' });
    expect(detail.sale.payments.map((p) => p.id)).toContain(payment.id);
    expectTimeOrdered(detail.timeline);
  });

  it('records and marks a relay event handed over again under the same id, and changes nothing', async () => {
    h = await startPaymentsHarness();
    const payment = await chargeMagic(1061); // approved; the simulator drops the webhook
    await h.waitForStatus(payment.id, ['approved']);
    const body = { result: 'aprobada', uniqueReference: payment.uniqueReference, transactionType: 'venta' };
    // What the relay client hands over if the relay resends an event Caja already stored.
    const event = { eventId: 'relay-event-7', payload: body, receivedAt: Date.now() };
    expect(h.core.inbound.accept(event).stored).toBe(true);
    expect(h.core.inbound.accept(event).stored).toBe(false);
    const detail = await detailWhen(payment.id, (webhooks) => webhooks.length === 2);

    const [original, repeat] = detail.timeline.filter((e) => e.kind.startsWith('webhook'));
    expect(original).toMatchObject({ kind: 'webhook', webhook: { duplicate: false } });
    expect(repeat).toMatchObject({
      kind: 'webhook_repeat',
      webhook: { duplicate: true, duplicateOf: original!.id },
    });
    expect(detail.payment.status).toBe('approved');
    expect(detail.timeline.filter((e) => e.kind === 'transition' && e.toStatus === 'approved')).toHaveLength(
      1,
    );
  });

  it('marks a stale decline that arrives after the approval (through the relay) as out of order', async () => {
    h = await startPaymentsHarness({ viaRelay: true });
    const payment = await chargeMagic(1064);
    await h.waitForStatus(payment.id, ['approved']);
    await h.sim.webhooks.waitFor((a) => a.uniqueReference === payment.uniqueReference && a.tag === 'stale');
    const detail = await detailWhen(payment.id, (webhooks) =>
      webhooks.some((w) => w.webhook?.claims === 'declined'),
    );

    const webhooks = detail.timeline.filter((e) => e.webhook !== null);
    const approval = webhooks.find((w) => w.webhook?.claims === 'approved')!;
    const stale = webhooks.find((w) => w.webhook?.claims === 'declined')!;
    expect(approval.webhook?.outOfOrder).toBeNull();
    expect(stale.webhook?.outOfOrder).not.toBeNull();
    expect(stale.webhook?.duplicateOf).toBeNull();
    expect(JSON.parse(stale.rawPayload!)).toMatchObject({
      result: 'rechazada',
      uniqueReference: payment.uniqueReference,
    });
    // The engine ignored it: still approved, and no transition after the stale webhook.
    expect(detail.payment.status).toBe('approved');
    const after = detail.timeline.slice(detail.timeline.indexOf(stale) + 1);
    expect(after.filter((e) => e.kind === 'transition')).toEqual([]);
    expectTimeOrdered(detail.timeline);
  });

  it('answers not_found for a payment that does not exist', async () => {
    h = await startPaymentsHarness();
    await signInDemoManager(h.core);
    const reply = await h.reply('office.payments.detail', { paymentId: 999_999 });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('not_found');
  });
});
