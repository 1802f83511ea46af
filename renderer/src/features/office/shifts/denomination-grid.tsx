import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  countedTotal,
  DENOMINATIONS,
  type DenominationCounts,
  type DenominationId,
} from '../../../../../app/domain/office/shifts';
import { formatMXN } from '../../../format/money';
import { OverShort } from './over-short';

/**
 * The closing count: pieces per bill and coin, totalled as the manager types, with the over/short
 * against the expected cash shown before anything is confirmed.
 */
export function DenominationGrid(props: {
  expected: number;
  busy: boolean;
  onConfirm: (counts: DenominationCounts) => void;
}) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<Partial<Record<DenominationId, string>>>({});
  const counts: DenominationCounts = {};
  for (const d of DENOMINATIONS) {
    const pieces = Number(texts[d.id] ?? '');
    if (Number.isSafeInteger(pieces) && pieces > 0) counts[d.id] = pieces;
  }
  const counted = countedTotal(counts);
  const invalid = DENOMINATIONS.some((d) => {
    const text = texts[d.id] ?? '';
    return text !== '' && !/^\d{1,6}$/.test(text);
  });
  return (
    <form
      className="denomination-grid"
      aria-label={t('officeShifts.close.title')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!invalid) props.onConfirm(counts);
      }}
    >
      <table>
        <caption>{t('officeShifts.close.grid')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officeShifts.close.denomination')}</th>
            <th scope="col">{t('officeShifts.close.pieces')}</th>
            <th scope="col" className="amount">
              {t('officeShifts.close.subtotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {DENOMINATIONS.map((d) => {
            const kind = t(d.kind === 'bill' ? 'officeShifts.close.bill' : 'officeShifts.close.coin');
            return (
              <tr key={d.id}>
                <th scope="row">
                  {formatMXN(d.value)} <span className="small">{kind}</span>
                </th>
                <td>
                  <input
                    inputMode="numeric"
                    data-denomination={d.id}
                    aria-label={t('officeShifts.close.piecesOf', { value: formatMXN(d.value), kind })}
                    value={texts[d.id] ?? ''}
                    onChange={(event) => setTexts({ ...texts, [d.id]: event.target.value.trim() })}
                  />
                </td>
                <td className="amount">{formatMXN((counts[d.id] ?? 0) * d.value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="close-summary" aria-live="polite">
        <div>
          <dt>{t('officeShifts.close.counted')}</dt>
          <dd data-testid="counted-total">{formatMXN(counted)}</dd>
        </div>
        <div>
          <dt>{t('officeShifts.close.expected')}</dt>
          <dd>{formatMXN(props.expected)}</dd>
        </div>
        <div>
          <dt>{t('officeShifts.close.difference')}</dt>
          <dd data-testid="over-short">
            <OverShort difference={counted - props.expected} />
          </dd>
        </div>
      </dl>
      <button type="submit" className="primary" disabled={props.busy || invalid}>
        {t('officeShifts.close.confirm', { amount: formatMXN(counted) })}
      </button>
    </form>
  );
}
