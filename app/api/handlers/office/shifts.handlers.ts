import type { Handlers } from '../../dispatch';
import type { ShiftsContract } from '../../office/shifts.contract';
import type { OfficeDeps } from './office-deps';

/** Handlers of the office's shifts channels. */
export function shiftsHandlers(deps: OfficeDeps): Pick<Handlers, keyof ShiftsContract> {
  void deps;
  return {};
}
