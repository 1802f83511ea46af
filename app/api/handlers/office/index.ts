import type { Handlers } from '../../dispatch';
import type { InvokeContract } from '../../contract';
import type { OfficeDeps } from './office-deps';
import { refundsHandlers } from './refunds.handlers';
import { settingsHandlers } from './settings.handlers';
import { shiftsHandlers } from './shifts.handlers';
import { transactionsHandlers } from './transactions.handlers';

type OfficeChannel = Extract<keyof InvokeContract, `office.${string}`>;

/** Every office area's handlers, each built from the same deps. */
export function officeHandlers(deps: OfficeDeps): Pick<Handlers, OfficeChannel> {
  return {
    ...transactionsHandlers(deps),
    ...refundsHandlers(deps),
    ...shiftsHandlers(deps),
    ...settingsHandlers(deps),
  };
}
