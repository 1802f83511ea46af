import type { Handlers } from '../../dispatch';
import type { RefundsContract } from '../../office/refunds.contract';
import type { OfficeDeps } from './office-deps';

/** Handlers of the office's refunds channels. */
export function refundsHandlers(deps: OfficeDeps): Pick<Handlers, keyof RefundsContract> {
  void deps;
  return {};
}
