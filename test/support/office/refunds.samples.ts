import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { RefundsContract } from '../../../app/api/office/refunds.contract';
import type { RefundView } from '../../../app/domain/office/refunds';
import type { PaymentView } from '../../../app/domain/payment-view';

type AreaChannel = keyof RefundsContract;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const refundsSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {
  'office.home.get': {},
  'office.refunds.preview': { paymentId: 1 },
  'office.refunds.create': { paymentId: 1, amount: 500 },
  'office.refunds.list': {},
  'office.openItems.list': {},
  'office.openItems.verify': { paymentId: 1 },
  'office.openItems.acknowledgeWebhook': { eventId: 1 },
  'office.openItems.addNote': { paymentId: 1, note: 'Revisé el historial de la terminal' },
};

const refund: RefundView = {
  id: 1,
  paymentId: 1,
  amount: 500,
  kind: 'void',
  status: 'requested',
  reference: 'rf-sample',
  requestedBy: 2,
  requestedByName: 'Luis Hernández',
  requestedAt: 0,
  sentAt: null,
  failureReason: null,
  updatedAt: 0,
};

const payment: PaymentView = {
  id: 1,
  saleId: 1,
  method: 'card',
  status: 'approved',
  amount: 2000,
  tip: 0,
  msi: 0,
  tendered: null,
  change: null,
  terminalSerial: 'CAJA01',
  uniqueReference: 'ref',
  cardBrand: null,
  cardLast4: null,
  authorizationCode: null,
  failureReason: null,
  cancelable: false,
  cancelOutcome: null,
  createdAt: 0,
  updatedAt: 0,
};

/** Trivial answers for this area's channels (dispatch tests). */
export const refundsTrivialHandlers: Pick<Handlers, AreaChannel> = {
  'office.home.get': () => ({
    unknownPayments: 0,
    unmatchedWebhooks: 0,
    refundsInFlight: 0,
    overpayments: 0,
  }),
  'office.refunds.preview': ({ paymentId }) => ({
    paymentId,
    charged: 2000,
    refundable: 2000,
    alreadyRefunded: 0,
    kind: 'void',
    cutoffAt: 0,
    approvedAt: 0,
    paymentStatus: 'approved',
    cardBrand: null,
    cardLast4: null,
  }),
  'office.refunds.create': () => ({ refund, paymentStatus: 'approved' }),
  'office.refunds.list': () => [refund],
  'office.openItems.list': () => ({
    unknownPayments: [],
    unmatchedWebhooks: [],
    unmatchedNotListed: 0,
    unmatchedOverflow: [],
    overpayments: [],
    refundsInFlight: [],
  }),
  'office.openItems.verify': () => payment,
  'office.openItems.acknowledgeWebhook': ({ eventId }) => ({ eventId, acknowledged: true }),
  'office.openItems.addNote': ({ paymentId }) => ({ paymentId }),
};
