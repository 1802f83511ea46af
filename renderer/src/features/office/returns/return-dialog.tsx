import { ReturnDialogButton, ReturnLinesForm } from '../../common/return-lines-form';
import { useOfficeCommand, useOfficeRead } from '../../../store/office/use-office';

/** "Return items" for a completed sale in the office (the signed-in manager is the actor). */
export function ReturnButton({ saleId }: { saleId: number }) {
  return (
    <ReturnDialogButton saleId={saleId} form={(close) => <ReturnForm saleId={saleId} onClose={close} />} />
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
