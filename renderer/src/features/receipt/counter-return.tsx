import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store-context';
import { ReturnDialogButton, ReturnLinesForm } from '../common/return-lines-form';

/**
 * "Return items" at the counter's Tickets screen: the same form as the office's, approved by a
 * manager's PIN typed here (as the counter's refunds are). See [Note: returns].
 */
export function CounterReturnButton({ saleId }: { saleId: number }) {
  const load = useAppStore((s) => s.loadReturnable);
  return (
    <ReturnDialogButton
      saleId={saleId}
      onOpen={() => void load(saleId)}
      form={(close) => <CounterReturnForm saleId={saleId} onClose={close} />}
    />
  );
}

function CounterReturnForm({ saleId, onClose }: { saleId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const pinId = useId();
  const sale = useAppStore((s) => (s.returnable?.saleId === saleId ? s.returnable : null));
  const returnItems = useAppStore((s) => s.returnItems);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <ReturnLinesForm
      saleId={saleId}
      sale={sale}
      busy={busy}
      ready={/^\d{4,8}$/.test(pin)}
      onClose={onClose}
      submit={async (request) => {
        setBusy(true);
        try {
          return await returnItems(request, pin);
        } finally {
          setPin('');
          setBusy(false);
        }
      }}
    >
      <label className="field" htmlFor={pinId}>
        {t('officeReturns.managerPin')}
      </label>
      <input
        id={pinId}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
      />
    </ReturnLinesForm>
  );
}
