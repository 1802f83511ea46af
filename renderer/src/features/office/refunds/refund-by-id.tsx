import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RefundButton } from './refund-dialog';

/** Opens the refund dialog for a payment number the manager types (from a receipt or the transactions tab). */
export function RefundById() {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState('');
  const paymentId = /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : null;
  return (
    <section className="open-list refund-by-id" aria-labelledby="refund-by-id-title">
      <h3 id="refund-by-id-title">{t('officeRefunds.byId.heading')}</h3>
      <div className="refund-by-id-row">
        <label htmlFor={inputId}>{t('officeRefunds.byId.label')}</label>
        <input
          id={inputId}
          inputMode="numeric"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value.replace(/\D/g, ''))}
        />
        {paymentId !== null && paymentId > 0 ? <RefundButton key={paymentId} paymentId={paymentId} /> : null}
      </div>
    </section>
  );
}
