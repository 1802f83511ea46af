import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STATUS_FILTERS,
  type StatusFilter,
  type TransactionFilterChoices,
  type TransactionsQuery,
} from '../../../../../app/domain/office/transactions';
import { parsePesos, pesosText } from '../../../format/parse-pesos';

/** What the form holds: text as typed, turned into a query on submit. */
interface FilterForm {
  from: string;
  to: string;
  status: StatusFilter | '';
  tender: 'card' | 'cash' | '';
  terminalSerial: string;
  cashierId: string;
  /** '' for every register; register 0 (the server's own counter) is '0', a real choice. */
  registerId: string;
  cardBrand: string;
  amountMin: string;
  amountMax: string;
  search: string;
}

function formOf(query: TransactionsQuery): FilterForm {
  return {
    from: query.from,
    to: query.to ?? query.from,
    status: query.statuses?.[0] ?? '',
    tender: query.tender ?? '',
    terminalSerial: query.terminalSerial ?? '',
    cashierId: query.cashierId === undefined ? '' : String(query.cashierId),
    registerId: query.registerId === undefined ? '' : String(query.registerId),
    cardBrand: query.cardBrand ?? '',
    amountMin: query.amountMin === undefined ? '' : pesosText(query.amountMin),
    amountMax: query.amountMax === undefined ? '' : pesosText(query.amountMax),
    search: query.search ?? '',
  };
}

/** The query a form describes, or the name of the amount field that does not parse. */
function queryOf(form: FilterForm): TransactionsQuery | 'amountMin' | 'amountMax' {
  const amount = (text: string) => (text.trim() === '' ? undefined : parsePesos(text));
  const amountMin = amount(form.amountMin);
  const amountMax = amount(form.amountMax);
  if (amountMin === null) return 'amountMin';
  if (amountMax === null) return 'amountMax';
  const to = form.to && form.to > form.from ? form.to : undefined;
  return {
    from: form.from,
    ...(to ? { to } : {}),
    ...(form.status ? { statuses: [form.status] } : {}),
    ...(form.tender ? { tender: form.tender } : {}),
    ...(form.terminalSerial ? { terminalSerial: form.terminalSerial } : {}),
    ...(form.cashierId ? { cashierId: Number(form.cashierId) } : {}),
    ...(form.registerId !== '' ? { registerId: Number(form.registerId) } : {}),
    ...(form.cardBrand ? { cardBrand: form.cardBrand } : {}),
    ...(amountMin !== undefined ? { amountMin } : {}),
    ...(amountMax !== undefined ? { amountMax } : {}),
    ...(form.search.trim() ? { search: form.search.trim() } : {}),
  };
}

/** The filter bar: a day or range, the pickers, amounts and the search box; applied on submit. */
export function TransactionsFilters(props: {
  initial: TransactionsQuery;
  choices: TransactionFilterChoices;
  onApply: (query: TransactionsQuery) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => formOf(props.initial));
  const [badField, setBadField] = useState<'amountMin' | 'amountMax' | null>(null);
  const set = (field: keyof FilterForm) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = queryOf(form);
    if (typeof query === 'string') return setBadField(query);
    setBadField(null);
    props.onApply(query);
  };
  const clear = () => {
    setForm(formOf({ from: form.from }));
    setBadField(null);
    props.onApply({ from: form.from });
  };
  /** A labelled select whose first choice, "all", leaves the filter off. */
  const picker = (name: string, field: keyof FilterForm, options: [value: string, label: string][]) => (
    <label>
      {t(`officeTransactions.filters.${name}`)}
      <select name={name} value={form[field]} onChange={set(field)}>
        <option value="">{t('officeTransactions.filters.any')}</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
  const amountField = (field: 'amountMin' | 'amountMax') => (
    <label>
      {t(`officeTransactions.filters.${field}`)}
      <input
        type="text"
        inputMode="decimal"
        name={field}
        value={form[field]}
        onChange={set(field)}
        aria-invalid={badField === field}
        aria-describedby={badField === field ? 'tx-amount-error' : undefined}
      />
    </label>
  );
  return (
    <form className="tx-filters" aria-labelledby="tx-filters-heading" onSubmit={submit}>
      <h3 id="tx-filters-heading" className="visually-hidden">
        {t('officeTransactions.filters.heading')}
      </h3>
      <label>
        {t('officeTransactions.filters.from')}
        <input type="date" name="from" required value={form.from} onChange={set('from')} />
      </label>
      <label>
        {t('officeTransactions.filters.to')}
        <input type="date" name="to" min={form.from} value={form.to} onChange={set('to')} />
      </label>
      {picker(
        'status',
        'status',
        STATUS_FILTERS.map((v) => [v, t(`officeTransactions.statusFilter.${v}`)]),
      )}
      {picker('tender', 'tender', [
        ['card', t('officeTransactions.tender.card')],
        ['cash', t('officeTransactions.tender.cash')],
      ])}
      {picker(
        'terminal',
        'terminalSerial',
        props.choices.terminals.map((x) => [
          x.serial,
          x.label === x.serial ? x.serial : `${x.label} (${x.serial})`,
        ]),
      )}
      {picker(
        'cashier',
        'cashierId',
        props.choices.cashiers.map((c) => [String(c.id), c.name]),
      )}
      {picker(
        'register',
        'registerId',
        props.choices.registers.map((r) => [
          String(r.id),
          r.revoked ? t('officeTransactions.filters.revokedRegister', { name: r.name }) : r.name,
        ]),
      )}
      {picker(
        'brand',
        'cardBrand',
        props.choices.cardBrands.map((b) => [b, b]),
      )}
      {amountField('amountMin')}
      {amountField('amountMax')}
      <label className="tx-search">
        {t('officeTransactions.filters.search')}
        <input
          type="search"
          name="search"
          maxLength={64}
          placeholder={t('officeTransactions.filters.searchHint')}
          value={form.search}
          onChange={set('search')}
        />
      </label>
      <div className="tx-filter-actions">
        <button type="submit" className="primary">
          {t('officeTransactions.filters.apply')}
        </button>
        <button type="button" className="secondary" onClick={clear}>
          {t('officeTransactions.filters.clear')}
        </button>
      </div>
      {badField ? (
        <p id="tx-amount-error" role="alert" className="tx-error">
          {t('officeTransactions.filters.badAmount')}
        </p>
      ) : null}
    </form>
  );
}
