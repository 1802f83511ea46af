import type { Handlers } from '../../dispatch';
import type { TransactionsContract } from '../../office/transactions.contract';
import type { OfficeDeps } from './office-deps';

/** Handlers of the office's transactions channels. */
export function transactionsHandlers(deps: OfficeDeps): Pick<Handlers, keyof TransactionsContract> {
  void deps;
  return {};
}
