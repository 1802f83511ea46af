/**
 * The counter's store for issue 11, findings 7 and 8: a too-late cancel survives the order in which
 * its events and reply arrive, and a notice about a payment the checkout already showed is not
 * shown again but acknowledged when the cashier moves on.
 */
import { describe, expect, it } from 'vitest';
import type { CajaApi, Channel } from '../../../app/api/contract';
import type { PaymentNotice } from '../../../app/domain/payment-notice';
import type { PaymentView, TenderSummary } from '../../../app/domain/payment-view';
import { createAppStore } from '../../../renderer/src/store/create-app-store';
import { visiblePaymentNotices } from '../../../renderer/src/store/notices.slice';

function view(patch: Partial<PaymentView>): PaymentView {
  return {
    id: 7,
    saleId: 3,
    method: 'card',
    status: 'sent',
    amount: 2000,
    tip: 0,
    msi: 0,
    tendered: null,
    change: null,
    terminalSerial: 'CAJA01',
    uniqueReference: 'ref7',
    cardBrand: null,
    cardLast4: null,
    authorizationCode: null,
    failureReason: null,
    cancelable: true,
    cancelOutcome: null,
    createdAt: 1,
    updatedAt: 1,
    ...patch,
  };
}

const approvedTooLate = view({
  status: 'approved',
  cancelable: false,
  cancelOutcome: 'too_late',
  updatedAt: 5,
});

function notice(paymentId: number, saleId: number): PaymentNotice {
  return {
    paymentId,
    saleId,
    outcome: 'sale_completed',
    status: 'approved',
    amount: 2000,
    tip: 0,
    cardBrand: 'VISA',
    cardLast4: '4242',
    authorizationCode: 'A1',
    uniqueReference: `ref${paymentId}`,
    startedAt: 1,
    resolvedAt: 2,
  };
}

/** A window.caja that answers each channel with a function of its args and records the calls. */
function fakeApi(answers: Partial<Record<Channel, (args: never) => unknown>>) {
  const calls: [string, unknown][] = [];
  const api: CajaApi = {
    invoke: async (channel, args) => {
      calls.push([channel, args]);
      const answer = answers[channel];
      if (!answer) throw new Error(`no fake answer for ${channel}`);
      return { ok: true, value: answer(args as never) } as never;
    },
    on: () => () => undefined,
    channels: [],
    events: [],
  };
  return { api, calls };
}

const tender = (saleId: number, payments: PaymentView[]): TenderSummary => ({
  saleId,
  total: 2000,
  paid: 0,
  due: 2000,
  payments,
});

describe('honest endings in the counter store', () => {
  it('keeps the too-late cancel on the completion screen when its events come before the reply', async () => {
    const { api } = fakeApi({
      'payments.cancel': () => approvedTooLate,
      'sales.tender.get': () => tender(4, []),
    });
    const store = createAppStore(api);
    store.setState({ checkoutOpen: true, activePayment: view({}), tender: tender(3, [view({})]) });
    // What the trusted side sends while the cancel is answered 422 APPROVED: the payment, then the sale.
    store.getState().applyPayment(approvedTooLate);
    store.getState().applySaleCompleted(3);
    await store.getState().cancelPayment();
    const { completed, activePayment } = store.getState();
    expect(completed?.lateCancels.map((p) => [p.id, p.cancelOutcome])).toEqual([[7, 'too_late']]);
    // The late reply did not bring the payment panel back over the completed sale.
    expect(activePayment).toBeNull();
  });

  it('adds a too-late cancel that arrives after the sale completed, and follows its refund', () => {
    const store = createAppStore(fakeApi({ 'sales.tender.get': () => tender(4, []) }).api);
    store.setState({ checkoutOpen: true, activePayment: view({}), tender: tender(3, [view({})]) });
    store.getState().applySaleCompleted(3);
    expect(store.getState().completed?.lateCancels).toEqual([]);
    store.getState().applyPayment(approvedTooLate);
    store.getState().applyPayment({ ...approvedTooLate, status: 'refund_requested', updatedAt: 9 });
    expect(store.getState().completed?.lateCancels.map((p) => p.status)).toEqual(['refund_requested']);
  });

  it('hides the notice of the payment the checkout shows, and acknowledges it when the cashier moves on', async () => {
    const { api, calls } = fakeApi({
      'payments.notices.list': () => [notice(7, 3), notice(8, 2)],
      'payments.notices.acknowledge': ({ paymentId }: { paymentId: number }) =>
        [notice(7, 3), notice(8, 2)].filter((n) => n.paymentId !== paymentId),
      'sales.tender.get': () => tender(4, []),
    });
    const store = createAppStore(api);
    store.setState({ checkoutOpen: true, activePayment: view({}), tender: tender(3, [view({})]) });
    await store.getState().loadPaymentNotices();
    // Payment 7 resolved on the resumed panel: only the other one is a notice.
    expect(visiblePaymentNotices(store.getState()).map((n) => n.paymentId)).toEqual([8]);
    store.getState().applyPayment(view({ status: 'approved', cancelable: false, updatedAt: 5 }));
    store.getState().applySaleCompleted(3);
    expect(visiblePaymentNotices(store.getState()).map((n) => n.paymentId)).toEqual([8]);

    store.getState().closeCheckout();
    await expect.poll(() => store.getState().paymentNotices.map((n) => n.paymentId)).toEqual([8]);
    expect(calls.filter(([c]) => c === 'payments.notices.acknowledge')).toEqual([
      ['payments.notices.acknowledge', { paymentId: 7 }],
    ]);
    expect(visiblePaymentNotices(store.getState()).map((n) => n.paymentId)).toEqual([8]);
  });
});
