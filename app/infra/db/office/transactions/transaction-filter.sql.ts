/**
 * The WHERE clause shared by the list and its totals, built from a validated filter. Values always
 * travel as bound parameters; only the shape of the clause varies, and each shape's statement is
 * prepared once (see TransactionsReadModel).
 */
import type { PaymentFilter } from '../../../../ports/transactions-read.port';

/** A clause and its named parameters. */
export interface SqlWhere {
  sql: string;
  params: Record<string, string | number>;
}

/**
 * The centavos a search names when it reads as an amount in pesos: `$150`, `150.50`, `$1,234.5`.
 * Bare digits are numbers (a sale, a payment, last four), not amounts. Undefined otherwise.
 */
export function searchedAmount(search: string): number | undefined {
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d{1,8})(?:\.(\d{1,2}))?$/.exec(search);
  if (!match || (!search.startsWith('$') && match[2] === undefined)) return undefined;
  const pesos = Number(match[1]!.replaceAll(',', ''));
  const centavos = Number((match[2] ?? '').padEnd(2, '0'));
  return pesos * 100 + centavos;
}

/** Builds the clause over `payments p`. */
export function paymentFilterWhere(filter: PaymentFilter): SqlWhere {
  const params: Record<string, string | number> = { start: filter.start, end: filter.end };
  const search = filter.search?.trim() ?? '';
  const amount = searchedAmount(search);
  // With a search, the search indexes find a handful of rows in any range; the unary `+` keeps the
  // planner off payments_by_time, which would walk every payment of the range. An amount has no
  // index of its own, so a search that may be an amount keeps the time range as its index.
  const time = search && amount === undefined ? '+p.created_at' : 'p.created_at';
  const where = [`${time} >= @start`, `${time} < @end`];
  if (filter.states.length > 0) {
    where.push(`p.status IN (${filter.states.map((_, i) => `@state${i}`).join(', ')})`);
    filter.states.forEach((state, i) => (params[`state${i}`] = state));
  }
  const exact = [
    ['method', 'tender', filter.tender],
    ['terminal_serial', 'terminal', filter.terminalSerial],
    ['created_by', 'cashier', filter.cashierId],
    ['card_brand', 'brand', filter.cardBrand],
    // Issue 17: a register's payments (payments_by_register serves it when the range is wide).
    ['register_id', 'register', filter.registerId],
  ] as const;
  for (const [column, name, value] of exact) {
    if (value === undefined) continue;
    where.push(`p.${column} = @${name}`);
    params[name] = value;
  }
  if (filter.amountMin !== undefined) {
    where.push('p.amount_centavos >= @amountMin');
    params.amountMin = filter.amountMin;
  }
  if (filter.amountMax !== undefined) {
    where.push('p.amount_centavos <= @amountMax');
    params.amountMax = filter.amountMax;
  }
  if (search) {
    // A reference matches by prefix (they are long); codes and last four digits exactly.
    const terms = [
      'p.unique_reference >= @search AND p.unique_reference < @searchEnd',
      'p.authorization_code = @search',
      'p.authorization_code = @searchUpper',
    ];
    if (/^\d{4}$/.test(search)) terms.push('p.card_last4 = @search');
    // The sale and payment numbers printed on the receipt (issue 14): "#123" always; bare digits too,
    // except four, which stay the last four digits of a card (write "#1234" for that number).
    const number =
      /^#(\d{1,12})$/.exec(search) ?? (/^\d{4}$/.test(search) ? null : /^(\d{1,12})$/.exec(search));
    if (number) {
      terms.push('p.sale_id = @number', 'p.id = @number');
      params.number = Number(number[1]);
    }
    if (amount !== undefined) {
      terms.push('p.amount_centavos = @amount');
      params.amount = amount;
    }
    where.push(`(${terms.map((t) => `(${t})`).join(' OR ')})`);
    params.search = search;
    params.searchUpper = search.toUpperCase();
    params.searchEnd = `${search}\uffff`;
  }
  return { sql: where.join(' AND '), params };
}
