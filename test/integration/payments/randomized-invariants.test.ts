import { afterAll, describe, expect, it } from 'vitest';
import type { PaymentDetail, PaymentView, TenderSummary } from '../../../app/domain/payment-view';
import { createRandom, randomInt } from '../../../common/random/prng';
import { SERIAL, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';

const SALES = 200;
// Normal sales and every simulator scenario that a real counter could meet (see simulator/README.md).
const SCENARIOS = [0, 0, 0, 13, 14, 31, 51, 52, 61, 62, 63, 64, 65, 71, 91, 92] as const;
const FINAL = ['approved', 'declined', 'canceled', 'expired', 'failed'];

let h: PaymentsHarness;
afterAll(async () => h?.close());

describe('randomized sales through random fault mixes', () => {
  it(`${SALES} sales: every Kushki approval is one approved payment, no sale is charged twice`, async () => {
    const seed = Number(process.env.CAJA_FUZZ_SEED ?? 20_261_123);
    // The one seeded PRNG: the same seed replays the same mix, so a failure can be reproduced.
    const draw = createRandom(seed);
    const random = (n: number) => randomInt(draw, 0, n - 1);
    h = await startPaymentsHarness({ clientTimeoutMs: 150 });
    const paymentIds: number[] = [];
    for (let sale = 0; sale < SALES; sale++) {
      await h.call('sales.cart.scan', { code: 'BEB-001' }); // $20.00
      const scenario = SCENARIOS[random(SCENARIOS.length)] ?? 0;
      if (random(10) === 0)
        h.sim.webhooks.setFault({ mode: random(2) === 0 ? 'drop' : 'duplicate', count: 1 });
      const amount = scenario === 0 ? undefined : 1000 + scenario;
      const card = await h.call<PaymentView>('payments.card.start', amount ? { amount } : {});
      paymentIds.push(card.id);
      if (random(8) === 0) {
        // The app dies while the payment is in flight, and comes back.
        h.stopCore();
        await h.restart();
      }
      const settled = await h.waitForStatus(card.id, [...FINAL, 'unknown'], 15_000);
      if (settled.status === 'unknown') {
        await h.waitForStatus(card.id, FINAL, 15_000);
      }
      // Whatever the card did, finish the sale in cash so the next sale starts clean.
      const tender = await h.call<TenderSummary>('sales.tender.get', {});
      if (tender.due > 0) await h.call('payments.cash.pay', { tendered: tender.due });
    }
    h.sim.terminals.setBehaviour(SERIAL, 'auto-approve');

    const sim = new Map(h.sim.requests.list().map((r) => [r.uniqueReference, r]));
    const bySale = new Map<number, number>();
    for (const paymentId of paymentIds) {
      const { payment } = await h.call<PaymentDetail>('payments.get', { paymentId });
      const request = sim.get(payment.uniqueReference ?? '');
      const where = `seed ${seed}, payment ${paymentId} (${payment.status}, kushki ${request?.status ?? 'none'})`;
      if (payment.status === 'approved') {
        expect(request?.status, where).toBe('APPROVED');
        bySale.set(payment.saleId, (bySale.get(payment.saleId) ?? 0) + 1);
      } else if (payment.status === 'failed') {
        expect(request === undefined || request.status === 'CANCELLED', where).toBe(true);
      } else {
        expect(['declined', 'canceled', 'expired'], where).toContain(payment.status);
        expect(request?.status, where).toBe('CANCELLED');
      }
    }
    const approvedAtKushki = [...sim.values()].filter((r) => r.status === 'APPROVED');
    const approvedHere = [...bySale.values()].reduce((a, b) => a + b, 0);
    expect(approvedHere).toBe(approvedAtKushki.length);
    expect([...bySale.values()].every((count) => count === 1)).toBe(true);
  }, 240_000);
});
