import type { Handlers } from '../../dispatch';
import type { CounterReturnsContract, ReturnsContract } from '../../office/returns.contract';
import type { ManagerApproval } from '../../../ports/users.port';
import type { ReturnsService } from '../../../services/office/returns/returns.service';

/** What the returns channels call (built by app/host/build-office.ts). */
export interface ReturnsHandlersDeps {
  returns: ReturnsService;
  /** The manager signed in at this register (the `manager` policy guarantees one). */
  manager: () => number;
}

/** Handlers of the counter's returns: a manager's PIN approves each, the manager is the actor. */
export function counterReturnsHandlers(
  returns: ReturnsService,
  approveManager: ManagerApproval,
): Pick<Handlers, keyof CounterReturnsContract> {
  return {
    'sales.returns.get': ({ saleId }) => returns.returnable(saleId),
    'sales.returns.create': async ({ managerPin, ...request }) => {
      const approval = await approveManager(managerPin);
      if (!approval.ok) return approval;
      return returns.create(request, approval.value.id);
    },
  };
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
