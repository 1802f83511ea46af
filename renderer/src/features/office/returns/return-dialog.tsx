import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../common/modal-dialog';
import { ReturnLinesForm } from '../../common/return-lines-form';
import { useOfficeCommand, useOfficeRead } from '../../../store/office/use-office';

/** "Return items" for a completed sale: a dialog to choose lines, quantities and how to refund. */
export function ReturnButton({ saleId }: { saleId: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={t('officeReturns.buttonFor', { id: saleId })}
        onClick={() => setOpen(true)}
      >
        {t('officeReturns.button')}
      </button>
      {open ? (
        <ModalDialog
          labelledBy={`return-title-${saleId}`}
          className="refund-dialog"
          onClose={() => setOpen(false)}
        >
          <ReturnForm saleId={saleId} onClose={() => setOpen(false)} />
        </ModalDialog>
      ) : null}
    </>
  );
}

function ReturnForm({ saleId, onClose }: { saleId: number; onClose: () => void }) {
  const { busy, run } = useOfficeCommand();
  const { value: sale } = useOfficeRead('office.returns.sale', { saleId });
  return (
    <ReturnLinesForm
      saleId={saleId}
      sale={sale ?? null}
      busy={busy}
      submit={(request) => run('office.returns.create', request)}
      onClose={onClose}
    />
  );
}
