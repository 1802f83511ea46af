import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TransactionFilterChoices,
  TransactionRow,
  TransactionTotals,
  TransactionsQuery,
} from '../../../../../app/domain/office/transactions';
import { storeDayOf } from '../../../../../app/domain/office/store-day';
import { storeTimeZone } from '../../../format/store-zone';
import { useOfficeRead } from '../../../store/office/use-office';
import { useAppStore } from '../../../store/store-context';
import { PaymentDetailDialog } from './payment-detail-dialog';
import { TransactionsFilters } from './transactions-filters';
import { TransactionsTable, TransactionsTotals } from './transactions-table';
import './transactions.css';

const NO_CHOICES: TransactionFilterChoices = { terminals: [], cashiers: [], cardBrands: [], registers: [] };
const LIST_SLOT = 'transactions tab list';

/** What the list shows: the rows loaded so far, the set's totals and where the next page starts. */
interface ListState {
  rows: TransactionRow[];
  totals: TransactionTotals | null;
  nextCursor: string | null;
}

/**
 * The office's transactions tab: the day's payments (or a range), filtered and searched, with the
 * totals of the whole filtered set and "more" paging; a payment opens its detail and timeline.
 */
export function TransactionsTab() {
  const { t } = useTranslation();
  const readOffice = useAppStore((s) => s.readOffice);
  const [query, setQuery] = useState<TransactionsQuery>(() => ({
    from: storeDayOf(Date.now(), storeTimeZone()),
  }));
  const choices = useOfficeRead('office.transactions.filters', {}).value ?? NO_CHOICES;
  const [list, setList] = useState<ListState>({ rows: [], totals: null, nextCursor: null });
  const [loading, setLoading] = useState(true);
  const [openPayment, setOpenPayment] = useState<number | null>(null);

  // One slot for every page and filter: the latest ask wins, so an older answer arriving late
  // never overwrites a newer filter's. The list is a search the manager drives (filters, "more"),
  // so it is not re-read on invalidation: rows never move under the manager's eyes.
  const fetchPage = useCallback(
    async (q: TransactionsQuery, cursor?: string) => {
      const answer = await readOffice('office.transactions.list', cursor ? { ...q, cursor } : q, LIST_SLOT);
      if (answer.kind === 'superseded') return;
      setLoading(false);
      if (answer.kind === 'failed') return;
      const page = answer.value;
      setList((current) => ({
        rows: cursor ? [...current.rows, ...page.rows] : page.rows,
        totals: cursor ? current.totals : page.totals,
        nextCursor: page.nextCursor,
      }));
    },
    [readOffice],
  );
  const load = (q: TransactionsQuery, cursor?: string) => {
    setLoading(true);
    void fetchPage(q, cursor);
  };
  const apply = (q: TransactionsQuery) => {
    setQuery(q);
    load(q);
  };

  // The first page of the day the tab opens on; later loads come from the filter bar and "more".
  const initialQuery = useRef(query);
  useEffect(() => {
    void fetchPage(initialQuery.current);
  }, [fetchPage]);

  const closeDetail = useCallback(() => setOpenPayment(null), []);

  return (
    <section className="office-tab tx-tab" aria-labelledby="tx-heading">
      <h2 id="tx-heading">{t('officeTransactions.tab')}</h2>
      <TransactionsFilters initial={query} choices={choices} onApply={apply} />
      {list.totals ? <TransactionsTotals totals={list.totals} /> : null}
      {list.rows.length === 0 && !loading ? (
        <p className="empty">{t('officeTransactions.table.empty')}</p>
      ) : null}
      {list.rows.length > 0 ? <TransactionsTable rows={list.rows} onOpen={setOpenPayment} /> : null}
      <div className="tx-paging">
        <p aria-live="polite" data-testid="tx-shown">
          {loading
            ? t('officeTransactions.table.loading')
            : list.totals
              ? t('officeTransactions.table.shown', { shown: list.rows.length, count: list.totals.count })
              : ''}
        </p>
        {list.nextCursor ? (
          <button
            type="button"
            className="secondary"
            disabled={loading}
            onClick={() => void load(query, list.nextCursor ?? undefined)}
          >
            {t('officeTransactions.table.more')}
          </button>
        ) : null}
      </div>
      {openPayment !== null ? <PaymentDetailDialog paymentId={openPayment} onClose={closeDetail} /> : null}
    </section>
  );
}
