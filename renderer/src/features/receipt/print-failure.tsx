import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store-context';

/**
 * A ticket or a drawer kick that did not go through (issue 15): the sale is complete already, so the
 * cashier only needs to know, and to print the ticket again once the printer is back.
 */
export function PrintFailureNotice() {
  const { t } = useTranslation();
  const job = useAppStore((s) => s.printFailure);
  const dismiss = useAppStore((s) => s.dismissPrintFailure);
  const printReceipt = useAppStore((s) => s.printReceipt);
  if (!job) return null;
  const reason = t(`printer.failure.${job.failure ?? 'failed'}`);
  return (
    <div className="print-failure notice error" role="alert" data-testid="print-failure" data-kind={job.kind}>
      <span>
        {job.kind === 'receipt'
          ? t('printer.failed.receipt', { id: job.saleId, reason })
          : t('printer.failed.drawer', { reason })}
      </span>
      {job.kind === 'receipt' && job.saleId !== null ? (
        <button type="button" className="secondary" onClick={() => void printReceipt(job.saleId!)}>
          {t('printer.failed.reprint')}
        </button>
      ) : null}
      <button type="button" aria-label={t('printer.failed.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
