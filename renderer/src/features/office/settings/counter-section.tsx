import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterSettings } from '../../../../../app/domain/counter-settings';
import type { ScaleLabelLayout } from '../../../../../app/domain/scale-label';
import { parsePesos, pesosText } from '../../../format/parse-pesos';
import { StatusLine, type Status } from './status-line';
import { useSettingsCall, useSettingsRead } from './use-settings-call';

const PREFIXES = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29'];

/** One prefix's row: off (a plain code) or a layout; the value takes the digits left of the 10. */
type Row = {
  prefix: string;
  kind: 'off' | 'price' | 'weight';
  pluDigits: number;
  decimals: number;
  check: boolean;
};

function rowsOf(layouts: readonly ScaleLabelLayout[]): Row[] {
  return PREFIXES.map((prefix) => {
    const l = layouts.find((x) => x.prefix === prefix);
    return l
      ? { prefix, kind: l.kind, pluDigits: l.pluDigits, decimals: l.decimals, check: l.valueCheckDigit }
      : { prefix, kind: 'off', pluDigits: 5, decimals: 2, check: false };
  });
}

function layoutsOf(rows: readonly Row[]): ScaleLabelLayout[] {
  return rows.flatMap((r) =>
    r.kind === 'off'
      ? []
      : [
          {
            prefix: r.prefix,
            kind: r.kind,
            pluDigits: r.pluDigits,
            valueDigits: 10 - r.pluDigits - (r.check ? 1 : 0),
            decimals: r.decimals,
            valueCheckDigit: r.check,
          },
        ],
  );
}

/** A small whole number of a layout row; off rows have nothing to set. */
function NumberCell(props: {
  label: string;
  range: [number, number];
  row: Row;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <td>
      <input
        type="number"
        min={props.range[0]}
        max={props.range[1]}
        aria-label={props.label}
        disabled={props.row.kind === 'off'}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </td>
  );
}

/**
 * The counter's settings (issue 14): the price above which an open-price item needs a manager, and
 * how the store's label scales lay out their EAN-13 labels per prefix (as set on the scale itself).
 */
export function CounterSection() {
  const { t } = useTranslation();
  const read = useSettingsRead();
  const call = useSettingsCall();
  const [limit, setLimit] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    void read('office.settings.counter.get', {}).then((outcome) => {
      if (!outcome.ok) return setStatus({ tone: 'error', text: outcome.message });
      setLimit(pesosText(outcome.value.openPriceLimit));
      setRows(rowsOf(outcome.value.scaleLabels));
    });
  }, [read]);
  const change = (prefix: string, patch: Partial<Row>) =>
    setRows((current) => current.map((r) => (r.prefix === prefix ? { ...r, ...patch } : r)));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const openPriceLimit = parsePesos(limit ?? '');
    if (openPriceLimit === null) return setStatus({ tone: 'error', text: t('officeCounter.badLimit') });
    const next: CounterSettings = { openPriceLimit, scaleLabels: layoutsOf(rows) };
    const outcome = await call('office.settings.counter.save', next);
    setStatus(
      outcome.ok ? { tone: 'ok', text: t('officeSettings.saved') } : { tone: 'error', text: outcome.message },
    );
  };
  if (limit === null) return null;
  return (
    <section className="settings-section" aria-labelledby="settings-counter-title">
      <h3 id="settings-counter-title">{t('officeCounter.title')}</h3>
      <form className="settings-form" onSubmit={save}>
        <label className="field">
          {t('officeCounter.openPriceLimit')}
          <input inputMode="decimal" value={limit} onChange={(e) => setLimit(e.target.value)} />
        </label>
        <p className="hint">{t('officeCounter.labelsHint')}</p>
        <table className="office-table" aria-label={t('officeCounter.labels')}>
          <thead>
            <tr>
              <th scope="col">{t('officeCounter.prefix')}</th>
              <th scope="col">{t('officeCounter.kind')}</th>
              <th scope="col">{t('officeCounter.pluDigits')}</th>
              <th scope="col">{t('officeCounter.decimals')}</th>
              <th scope="col">{t('officeCounter.check')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.prefix}>
                <th scope="row">{r.prefix}</th>
                <td>
                  <select
                    aria-label={t('officeCounter.kindOf', { prefix: r.prefix })}
                    value={r.kind}
                    onChange={(e) => {
                      const kind = e.target.value as Row['kind'];
                      change(r.prefix, { kind, decimals: kind === 'weight' ? 3 : 2 });
                    }}
                  >
                    {(['off', 'price', 'weight'] as const).map((k) => (
                      <option key={k} value={k}>
                        {t(`officeCounter.kinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <NumberCell
                  label={t('officeCounter.pluDigitsOf', { prefix: r.prefix })}
                  range={[1, 8]}
                  row={r}
                  value={r.pluDigits}
                  onChange={(pluDigits) => change(r.prefix, { pluDigits })}
                />
                <NumberCell
                  label={t('officeCounter.decimalsOf', { prefix: r.prefix })}
                  range={[0, 3]}
                  row={r}
                  value={r.decimals}
                  onChange={(decimals) => change(r.prefix, { decimals })}
                />
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('officeCounter.checkOf', { prefix: r.prefix })}
                    disabled={r.kind === 'off'}
                    checked={r.check}
                    onChange={(e) => change(r.prefix, { check: e.target.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="primary">
          {t('officeCounter.save')}
        </button>
        <StatusLine status={status} />
      </form>
    </section>
  );
}
