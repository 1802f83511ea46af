import type { Handlers } from '../../dispatch';
import type { ReturnsContract } from '../../office/returns.contract';
import type { ReturnsService } from '../../../services/office/returns/returns.service';

/** What the returns channels call (built by app/host/build-office.ts). */
export interface ReturnsHandlersDeps {
  returns: ReturnsService;
  /** The manager signed in at this register (the `manager` policy guarantees one). */
  manager: () => number;
}

/** Handlers of the office's returns by item. The signed-in manager is the actor. */
export function returnsHandlers({
  returns,
  manager,
}: ReturnsHandlersDeps): Pick<Handlers, keyof ReturnsContract> {
  return {
    'office.returns.sale': ({ saleId }) => returns.returnable(saleId),
    'office.returns.create': (request) => returns.create(request, manager()),
  };
}
