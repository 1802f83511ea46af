import type { Handlers } from '../../dispatch';
import type { TransactionsContract } from '../../office/transactions.contract';
import type { TransactionsService } from '../../../services/office/transactions/transactions.service';

/** What the transactions channels call (built by app/host/build-office.ts). */
export interface TransactionsHandlersDeps {
  transactions: TransactionsService;
}

/**
 * Handlers of the office's transactions channels. They only read: looking at payments is not an
 * action the audit log records (an audit line per view would also clutter the timelines it shows).
 */
export function transactionsHandlers({
  transactions,
}: TransactionsHandlersDeps): Pick<Handlers, keyof TransactionsContract> {
  return {
    'office.transactions.list': (args) => transactions.list(args),
    'office.transactions.filters': () => transactions.filters(),
    'office.payments.detail': ({ paymentId }) => transactions.detail(paymentId),
  };
}
