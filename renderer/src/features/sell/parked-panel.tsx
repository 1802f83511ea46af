import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatMXN } from '../../format/money';
import { useAppStore } from '../../store/store-context';
import { ListPanel } from '../common/list-panel';
import { storeTimeZone } from '../../format/store-zone';

// Built per use: the zone comes from the core once the page has loaded its info.
const TIME = {
  format: (at: number) =>
    new Intl.DateTimeFormat('es-MX', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: storeTimeZone(),
    }).format(at),
};

/** Sales on hold; one click makes one the open sale again. */
export function ParkedPanel() {
  const { t } = useTranslation();
  const parked = useAppStore(useShallow((s) => s.parked));
  const show = useAppStore((s) => s.showParked);
  const recall = useAppStore((s) => s.recallSale);
  const open = useAppStore(
    useShallow((s) => ({ count: s.cart?.totals.itemCount ?? 0, total: s.cart?.totals.total ?? 0 })),
  );
  const back = useCallback(() => void show(false), [show]);
  return (
    <ListPanel id="parked-heading" title={t('parked.title')} onBack={back}>
      {parked.length === 0 ? <p className="empty">{t('parked.empty')}</p> : null}
      {parked.length > 0 && open.count > 0 ? (
        <p className="hint" data-testid="recall-swaps">
          {t('parked.currentWillPark', { count: open.count, total: formatMXN(open.total) })}
        </p>
      ) : null}
      <ul className="parked-list">
        {parked.map((sale) => (
          <li key={sale.saleId} data-testid="parked-sale">
            <span>
              <strong>{TIME.format(sale.parkedAt)}</strong> · {sale.summary} ·{' '}
              {t('parked.items', { count: sale.itemCount })}
            </span>
            <strong>{formatMXN(sale.total)}</strong>
            <button
              type="button"
              className="primary"
              aria-label={t('parked.recallSale', { time: TIME.format(sale.parkedAt), summary: sale.summary })}
              onClick={() => void recall(sale.saleId)}
            >
              {t('parked.recall')}
            </button>
          </li>
        ))}
      </ul>
    </ListPanel>
  );
}
