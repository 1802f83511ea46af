import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { ShiftsContract } from '../../../app/api/office/shifts.contract';

type AreaChannel = keyof ShiftsContract;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const shiftsSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {};

/** Trivial answers for this area's channels (dispatch tests). */
export const shiftsTrivialHandlers: Pick<Handlers, AreaChannel> = {};
