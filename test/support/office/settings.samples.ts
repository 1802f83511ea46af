import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { SettingsContract } from '../../../app/api/office/settings.contract';

type AreaChannel = keyof SettingsContract;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const settingsSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {};

/** Trivial answers for this area's channels (dispatch tests). */
export const settingsTrivialHandlers: Pick<Handlers, AreaChannel> = {};
