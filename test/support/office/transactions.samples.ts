import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { TransactionsContract } from '../../../app/api/office/transactions.contract';

type AreaChannel = keyof TransactionsContract;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const transactionsSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {};

/** Trivial answers for this area's channels (dispatch tests). */
export const transactionsTrivialHandlers: Pick<Handlers, AreaChannel> = {};
