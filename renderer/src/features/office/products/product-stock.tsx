import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADJUSTMENT_REASONS, type AdjustmentReason } from '../../../../../app/domain/office/stock';
import { formatDateTime } from '../../../format/date-time';
import { parsePesos } from '../../../format/parse-pesos';
import { formatMilli, parseMilli } from '../../../format/quantity';
import { useOfficeCommand, useOfficeRead } from '../../../store/office/use-office';
import { useAppStore } from '../../../store/store-context';

/** A tracked product's stock: goods received, an adjustment with its reason, and the ledger. */
export function ProductStock({ productId }: { productId: number }) {
  const { t, i18n } = useTranslation();
  const { value: page } = useOfficeRead('office.stock.movements', { productId, limit: 20 });
  const { busy, run } = useOfficeCommand();
  const notify = useAppStore((s) => s.notify);
  const [quantity, setQuantity] = useState('');
  const [unitCost, setUnitCost] = useState('');
  const [reason, setReason] = useState<AdjustmentReason>('count');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  if (!page) return null;
  const unit = page.product.unit;
  const received = parseMilli(quantity);
  const cost = parsePesos(unitCost);
  // A physical count gives the quantity on the shelf; the other reasons a signed change.
  const adjustment = parseMilli(amount, reason !== 'count');

  const receive = async () => {
    if (received === null || received === 0 || cost === null) return;
    const change = await run('office.stock.receive', { productId, quantity: received, unitCost: cost });
    if (!change) return;
    setQuantity('');
    notify('info', 'officeProducts.stock.received', { stock: formatMilli(change.product.stock, unit) });
  };
  const adjust = async () => {
    if (adjustment === null) return;
    const change = await run('office.stock.adjust', {
      productId,
      reason,
      note: note.trim() || undefined,
      ...(reason === 'count' ? { counted: adjustment } : { delta: adjustment }),
    });
    if (!change) return;
    setAmount('');
    setNote('');
    notify('info', 'officeProducts.stock.adjusted', { stock: formatMilli(change.product.stock, unit) });
  };

  return (
    <section className="product-stock" aria-labelledby={`stock-${productId}`}>
      <h3 id={`stock-${productId}`}>{t('officeProducts.stock.title')}</h3>
      <p data-testid="product-stock">
        {t('officeProducts.stock.current', { stock: formatMilli(page.product.stock, unit) })}
      </p>
      <form
        className="stock-form"
        aria-label={t('officeProducts.stock.receive')}
        onSubmit={(e) => {
          e.preventDefault();
          void receive();
        }}
      >
        <h4>{t('officeProducts.stock.receive')}</h4>
        <label className="field">
          {t('officeProducts.stock.quantity')}
          <input inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </label>
        <label className="field">
          {t('officeProducts.stock.unitCost')}
          <input inputMode="decimal" value={unitCost} onChange={(e) => setUnitCost(e.target.value)} />
        </label>
        <button type="submit" className="secondary" disabled={busy || !received || cost === null}>
          {t('officeProducts.stock.doReceive')}
        </button>
      </form>
      <form
        className="stock-form"
        aria-label={t('officeProducts.stock.adjust')}
        onSubmit={(e) => {
          e.preventDefault();
          void adjust();
        }}
      >
        <h4>{t('officeProducts.stock.adjust')}</h4>
        <label className="field">
          {t('officeProducts.stock.reason')}
          <select value={reason} onChange={(e) => setReason(e.target.value as AdjustmentReason)}>
            {ADJUSTMENT_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`officeProducts.stock.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {reason === 'count' ? t('officeProducts.stock.counted') : t('officeProducts.stock.delta')}
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label className="field">
          {t('officeProducts.stock.note')}
          <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="secondary" disabled={busy || adjustment === null}>
          {t('officeProducts.stock.doAdjust')}
        </button>
      </form>
      <table className="stock-movements">
        <caption>{t('officeProducts.stock.movements')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officeProducts.stock.when')}</th>
            <th scope="col">{t('officeProducts.stock.kind')}</th>
            <th scope="col" className="money">
              {t('officeProducts.stock.change')}
            </th>
            <th scope="col" className="money">
              {t('officeProducts.stock.after')}
            </th>
            <th scope="col">{t('officeProducts.stock.who')}</th>
          </tr>
        </thead>
        <tbody>
          {page.movements.length === 0 ? (
            <tr>
              <td colSpan={5}>{t('officeProducts.stock.none')}</td>
            </tr>
          ) : (
            page.movements.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(m.at, i18n.language)}</td>
                <td>
                  {t(`officeProducts.stock.kinds.${m.kind}`)}
                  {m.adjustmentReason ? ` · ${t(`officeProducts.stock.reasons.${m.adjustmentReason}`)}` : ''}
                  {m.note ? ` · ${m.note}` : ''}
                </td>
                <td className="money">{formatMilli(m.quantity, unit)}</td>
                <td className="money">{formatMilli(m.stockAfter, unit)}</td>
                <td>{m.userName ?? ''}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
