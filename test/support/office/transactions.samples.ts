import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { TransactionsContract } from '../../../app/api/office/transactions.contract';

type AreaChannel = keyof TransactionsContract;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const transactionsSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {
  'office.transactions.list': { from: '2026-11-20', statuses: ['approved'], search: '4242', registerId: 2 },
  'office.transactions.filters': {},
  'office.payments.detail': { paymentId: 1 },
};

/** Trivial answers for this area's channels (dispatch tests). */
export const transactionsTrivialHandlers: Pick<Handlers, AreaChannel> = {
  'office.transactions.list': () => ({ rows: [], totals: null, nextCursor: null }),
  'office.transactions.filters': () => ({ terminals: [], cashiers: [], cardBrands: [], registers: [] }),
  'office.payments.detail': () => ({ ok: false, error: { code: 'not_found', message: 'No payment.' } }),
};
