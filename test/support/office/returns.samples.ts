import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { CounterReturnsContract, ReturnsContract } from '../../../app/api/office/returns.contract';

type AreaChannel = keyof ReturnsContract | keyof CounterReturnsContract;

const request = {
  saleId: 1,
  lines: [{ saleLineId: 1, quantity: 1_000 }],
  tender: { method: 'cash' },
} as const satisfies ArgsOf<'office.returns.create'>;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const returnsSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {
  'office.returns.sale': { saleId: 1 },
  'office.returns.create': request,
  'sales.returns.get': { saleId: 1 },
  'sales.returns.create': { ...request, managerPin: '9999' },
};

const notFound = { ok: false, error: { code: 'not_found', message: 'sample' } } as const;

/** Trivial answers for this area's channels (dispatch tests). */
export const returnsTrivialHandlers: Pick<Handlers, AreaChannel> = {
  'office.returns.sale': () => notFound,
  'office.returns.create': () => notFound,
  'sales.returns.get': () => notFound,
  'sales.returns.create': () => notFound,
};
