import { useTranslation } from 'react-i18next';
import { HomeCountsBar } from './home-counts';
import { Overpayments } from './overpayments';
import { RefundById } from './refund-by-id';
import { RefundHistory } from './refund-history';
import { UnknownPayments } from './unknown-payments';
import { UnmatchedWebhooks } from './unmatched-webhooks';
import { useOfficeRead } from '../../../store/office/use-office';
import './refunds.css';

export { RefundButton } from './refund-dialog';

/** The office's first tab, the manager's home: counts on top, then each list they link to. */
export function RefundsTab() {
  const { t } = useTranslation();
  // Verifications and refund outcomes arrive as payment updates, which invalidate both reads.
  const { value: counts, reload: reloadCounts } = useOfficeRead('office.home.get', {});
  const { value: items, reload: reloadItems } = useOfficeRead('office.openItems.list', {});
  const refresh = () => {
    reloadCounts();
    reloadItems();
  };
  return (
    <section className="office-tab refunds-tab" aria-labelledby="refunds-tab-title">
      <div className="refunds-head">
        <h2 id="refunds-tab-title">{t('officeRefunds.heading')}</h2>
        <button type="button" className="secondary" onClick={refresh}>
          {t('officeRefunds.refresh')}
        </button>
      </div>
      <HomeCountsBar counts={counts ?? undefined} />
      <RefundById />
      {items ? (
        <>
          <UnknownPayments items={items.unknownPayments} />
          <UnmatchedWebhooks
            items={items.unmatchedWebhooks}
            notListed={items.unmatchedNotListed}
            overflow={items.unmatchedOverflow}
          />
          <section id="open-refunds" tabIndex={-1} className="open-list" aria-labelledby="open-refunds-title">
            <h3 id="open-refunds-title">{t('officeRefunds.inFlight.heading')}</h3>
            {items.refundsInFlight.length === 0 ? <p>{t('officeRefunds.none')}</p> : null}
            <RefundHistory refunds={items.refundsInFlight} caption={t('officeRefunds.inFlight.heading')} />
          </section>
          <Overpayments items={items.overpayments} />
        </>
      ) : (
        <p>{t('officeRefunds.loading')}</p>
      )}
    </section>
  );
}
