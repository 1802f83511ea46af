import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { RefundsContract } from '../../../app/api/office/refunds.contract';

type AreaChannel = keyof RefundsContract;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const refundsSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {};

/** Trivial answers for this area's channels (dispatch tests). */
export const refundsTrivialHandlers: Pick<Handlers, AreaChannel> = {};
