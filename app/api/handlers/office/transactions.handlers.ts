import type { Handlers } from '../../dispatch';
import type { TransactionsContract } from '../../office/transactions.contract';
import type { OfficeDeps } from './office-deps';
import { TransactionsService } from '../../../services/office/transactions/transactions.service';
import { TransactionsReadModel } from '../../../infra/db/office/transactions/transactions.read';
import { PaymentDetailReadModel } from '../../../infra/db/office/transactions/payment-detail.read';
import { FilterChoicesReadModel } from '../../../infra/db/office/transactions/filter-choices.read';

/**
 * Handlers of the office's transactions channels. They only read: looking at payments is not an
 * action the audit log records (an audit line per view would also clutter the timelines it shows).
 */
export function transactionsHandlers(deps: OfficeDeps): Pick<Handlers, keyof TransactionsContract> {
  const service = new TransactionsService({
    list: new TransactionsReadModel(deps.db),
    detail: new PaymentDetailReadModel(deps.db),
    choices: new FilterChoicesReadModel(deps.db),
    terminals: deps.terminals,
  });
  return {
    'office.transactions.list': (args) => service.list(args),
    'office.transactions.filters': () => service.filters(),
    'office.payments.detail': ({ paymentId }) => service.detail(paymentId),
  };
}
