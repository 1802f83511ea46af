/**
 * The manager's transactions use cases: the filtered list with its totals and keyset paging, the
 * pickers' choices, and a payment's detail with its timeline. Days arrive as Mexico City calendar
 * days and become epoch ranges here, on the trusted side.
 */
import type { StoreTimeZone } from '../../../domain/store-time-zone';
import { fail, ok, type Result } from '../../../domain/result';
import { storeDayRange } from '../../../domain/office/store-day';
import {
  statesFor,
  type PaymentDetailView,
  type TransactionFilterChoices,
  type TransactionsPage,
  type TransactionsQuery,
} from '../../../domain/office/transactions';
import type {
  FilterChoicesReadModel,
  Keyset,
  PaymentDetailReadModel,
  PaymentFilter,
  TransactionsReadModel,
} from '../../../ports/transactions-read.port';
import type { TerminalsService } from '../../terminals.service';
import { buildTimeline } from './payment-timeline';

/** Rows per page when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 50;

/** The cursor is opaque to the renderer: base64url of "<createdAt>.<id>". */
export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(`${keyset.createdAt}.${keyset.id}`, 'utf8').toString('base64url');
}

/** The keyset inside a cursor, or null when it was not one of ours. */
export function decodeCursor(cursor: string): Keyset | null {
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? { createdAt: Number(m[1]), id: Number(m[2]) } : null;
}

/** Turns validated arguments into a storage filter. */
export function paymentFilterOf(query: TransactionsQuery, zone: StoreTimeZone): PaymentFilter {
  const { start, end } = storeDayRange(zone, query.from, query.to ?? query.from);
  return {
    start,
    end,
    states: statesFor(query.statuses ?? []),
    tender: query.tender,
    terminalSerial: query.terminalSerial,
    cashierId: query.cashierId,
    cardBrand: query.cardBrand,
    amountMin: query.amountMin,
    amountMax: query.amountMax,
    search: query.search?.trim() || undefined,
    registerId: query.registerId,
  };
}

/** Read models and services the use cases need. */
export interface TransactionsServiceDeps {
  list: TransactionsReadModel;
  detail: PaymentDetailReadModel;
  choices: FilterChoicesReadModel;
  terminals: TerminalsService;
  /** The store's zone: a day of the listing is a store day. */
  timeZone: () => StoreTimeZone;
}

/** The transactions use cases. */
export class TransactionsService {
  constructor(private readonly deps: TransactionsServiceDeps) {}

  /** One page, newest first; totals on the first page. */
  list(query: TransactionsQuery): Result<TransactionsPage> {
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after)
      return fail('validation_failed', 'The page cursor is not valid.');
    const filter = paymentFilterOf(query, this.deps.timeZone());
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // One row more than asked says whether another page exists without a COUNT.
    const rows = this.deps.list.page(filter, after, limit + 1);
    const more = rows.length > limit;
    if (more) rows.length = limit;
    const last = rows.at(-1);
    return ok({
      rows,
      totals: after ? null : this.deps.list.totals(filter),
      nextCursor: more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    });
  }

  /** Terminals (configured and seen), users, card brands and registers for the pickers. */
  filters(): TransactionFilterChoices {
    const configured = this.deps.terminals.list();
    const labels = new Map(configured.map((t) => [t.serial, t.label]));
    const serials = [
      ...new Set([...configured.map((t) => t.serial), ...this.deps.choices.terminalSerials()]),
    ];
    return {
      terminals: serials.sort().map((serial) => ({ serial, label: labels.get(serial) ?? serial })),
      cashiers: this.deps.choices.users(),
      cardBrands: this.deps.choices.cardBrands(),
      registers: this.deps.choices.registers(),
    };
  }

  /** The payment, its sale and its timeline. */
  detail(paymentId: number): Result<PaymentDetailView> {
    const found = this.deps.detail.payment(paymentId);
    if (!found) return fail('not_found', `No payment ${paymentId}.`);
    const timeline = buildTimeline(this.deps.detail.ledger(paymentId), this.deps.detail.audit(paymentId));
    return ok({ ...found, timeline });
  }
}
