import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatDateTime } from '../../format/date-time';
import { formatMXN } from '../../format/money';
import { useAppStore } from '../../store/store-context';
import { ListPanel } from '../common/list-panel';
import { CounterReturnButton } from './counter-return';
import { ReceiptView } from './receipt-view';

/** Past sales: pick one to see its receipt and print it again. */
export function ReceiptsPanel() {
  const { t, i18n } = useTranslation();
  const receipts = useAppStore(useShallow((s) => s.receipts));
  const receipt = useAppStore((s) => s.receipt);
  const show = useAppStore((s) => s.showReceipts);
  const load = useAppStore((s) => s.loadReceipt);
  const printOnTerminal = useAppStore((s) => s.printOnTerminal);
  const savePdf = useAppStore((s) => s.savePdf);
  const printReceipt = useAppStore((s) => s.printReceipt);
  const back = useCallback(() => void show(false), [show]);
  return (
    <ListPanel id="receipts-heading" title={t('receipt.history')} onBack={back}>
      {receipts.length === 0 ? <p className="empty">{t('receipt.none')}</p> : null}
      <ul className="parked-list">
        {receipts.map((r) => (
          <li key={r.saleId} data-testid="past-sale">
            <span>
              {t('receipt.sale', { id: r.saleId })} · {formatDateTime(r.completedAt, i18n.language)}
            </span>
            <strong>{formatMXN(r.total)}</strong>
            <button
              type="button"
              className="secondary"
              aria-label={t('receipt.showSale', { id: r.saleId })}
              onClick={() => void load(r.saleId)}
            >
              {t('receipt.show')}
            </button>
          </li>
        ))}
      </ul>
      {receipt ? (
        <>
          <ReceiptView receipt={receipt} />
          <button type="button" className="primary big" onClick={() => void printReceipt(receipt.saleId)}>
            {t('receipt.reprint')}
          </button>
          <button type="button" className="secondary" onClick={() => void savePdf(receipt.saleId)}>
            {t('receipt.savePdf')}
          </button>
          <button type="button" className="secondary" onClick={() => void printOnTerminal(receipt.saleId)}>
            {t('receipt.printOnTerminal')}
          </button>
          <CounterReturnButton saleId={receipt.saleId} />
        </>
      ) : null}
    </ListPanel>
  );
}
