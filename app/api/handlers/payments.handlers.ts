import type { Handlers } from '../dispatch';
import { paymentView } from '../../domain/payment-view';
import { fail, ok } from '../../domain/result';
import type { PaymentsRepo } from '../../ports/payments.port';
import type { CardPaymentsService } from '../../services/payments/card-payments.service';
import type { RefundsService } from '../../services/payments/refunds.service';
import type { TenderService } from '../../services/payments/tender.service';
import type { TerminalsService } from '../../services/terminals.service';
import type { PaymentNoticesService } from '../../services/payments/payment-notices.service';

/** Handlers of the `payments.*`, `sales.tender.*` and `terminals.*` channels. */
export function paymentsHandlers(deps: {
  card: CardPaymentsService;
  tender: TenderService;
  refunds: RefundsService;
  terminals: Pick<TerminalsService, 'list'>;
  payments: PaymentsRepo;
  notices: PaymentNoticesService;
  /** The signed-in user every action is attributed to. See [Note: one session per register]. */
  actor: () => number | null;
}): Pick<
  Handlers,
  | 'sales.tender.get'
  | 'terminals.list'
  | 'payments.card.start'
  | 'payments.cancel'
  | 'payments.verify'
  | 'payments.get'
  | 'payments.cash.pay'
  | 'payments.refund'
  | 'payments.notices.list'
  | 'payments.notices.acknowledge'
> {
  const { actor } = deps;
  return {
    'sales.tender.get': () => deps.tender.summary(),
    'terminals.list': () => deps.terminals.list(),
    'payments.card.start': (args) => deps.card.start(args, actor()),
    'payments.cancel': ({ paymentId }) => deps.card.cancel(paymentId, actor()),
    'payments.verify': ({ paymentId }) => deps.card.verifyNow(paymentId),
    'payments.get': ({ paymentId }) => {
      const payment = deps.payments.get(paymentId);
      if (!payment) return fail('not_found', `No payment ${paymentId}`);
      return ok({ payment: paymentView(payment), timeline: deps.payments.events(paymentId) });
    },
    'payments.cash.pay': (args) => deps.tender.payCash(args, actor()),
    'payments.refund': ({ paymentId, managerPin }) => deps.refunds.refund(paymentId, managerPin),
    'payments.notices.list': () => deps.notices.list(),
    'payments.notices.acknowledge': ({ paymentId }) => deps.notices.acknowledge(paymentId, actor()),
  };
}
