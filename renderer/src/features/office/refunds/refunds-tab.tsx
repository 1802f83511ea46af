import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HomeCounts, OpenItems } from '../../../../../app/domain/office/refunds';
import { HomeCountsBar } from './home-counts';
import { Overpayments } from './overpayments';
import { RefundById } from './refund-by-id';
import { RefundHistory } from './refund-history';
import { UnknownPayments } from './unknown-payments';
import { UnmatchedWebhooks } from './unmatched-webhooks';
import { useOfficeCall, usePaymentUpdates } from './use-office-call';
import './refunds.css';

export { RefundButton } from './refund-dialog';

/** The office's first tab, the manager's home: counts on top, then each list they link to. */
export function RefundsTab() {
  const { t } = useTranslation();
  const call = useOfficeCall();
  const onPaymentUpdate = usePaymentUpdates();
  const [counts, setCounts] = useState<HomeCounts>();
  const [items, setItems] = useState<OpenItems>();

  const load = useCallback(async () => {
    const [nextCounts, nextItems] = await Promise.all([
      call('office.home.get', {}),
      call('office.openItems.list', {}),
    ]);
    if (nextCounts) setCounts(nextCounts);
    if (nextItems) setItems(nextItems);
  }, [call]);

  useEffect(() => {
    // Fetched after the first paint (the answer sets state asynchronously anyway).
    void Promise.resolve().then(load);
    // Verifications and refund outcomes arrive as payment updates: keep the home current.
    return onPaymentUpdate(() => void load());
  }, [load, onPaymentUpdate]);

  const refresh = () => void load();
  return (
    <section className="office-tab refunds-tab" aria-labelledby="refunds-tab-title">
      <div className="refunds-head">
        <h2 id="refunds-tab-title">{t('officeRefunds.heading')}</h2>
        <button type="button" className="secondary" onClick={refresh}>
          {t('officeRefunds.refresh')}
        </button>
      </div>
      <HomeCountsBar counts={counts} />
      <RefundById onChanged={refresh} />
      {items ? (
        <>
          <UnknownPayments items={items.unknownPayments} onChanged={refresh} />
          <UnmatchedWebhooks
            items={items.unmatchedWebhooks}
            notListed={items.unmatchedNotListed}
            overflow={items.unmatchedOverflow}
            onChanged={refresh}
          />
          <section id="open-refunds" tabIndex={-1} className="open-list" aria-labelledby="open-refunds-title">
            <h3 id="open-refunds-title">{t('officeRefunds.inFlight.heading')}</h3>
            {items.refundsInFlight.length === 0 ? <p>{t('officeRefunds.none')}</p> : null}
            <RefundHistory refunds={items.refundsInFlight} caption={t('officeRefunds.inFlight.heading')} />
          </section>
          <Overpayments items={items.overpayments} onChanged={refresh} />
        </>
      ) : (
        <p>{t('officeRefunds.loading')}</p>
      )}
    </section>
  );
}
