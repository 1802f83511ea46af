/**
 * Shifts and the cash drawer (issue 7, item 5), modelled on Odoo POS's session closing and NexoPOS's
 * cash ledger. Pure types and arithmetic: the renderer shows these, the services compute them.
 */
import type { Centavos } from '../money';
import type { PaymentStatus } from '../payment-status';

/** One Mexican bill or coin the drawer holds. The $20 exists as both, so ids carry the kind. */
export interface Denomination {
  id: DenominationId;
  kind: 'bill' | 'coin';
  value: Centavos;
}

/** Ids of {@link DENOMINATIONS}: b = billete, c = moneda, then pesos (c050 is 50 centavos). */
export type DenominationId =
  'b1000' | 'b500' | 'b200' | 'b100' | 'b50' | 'b20' | 'c20' | 'c10' | 'c5' | 'c2' | 'c1' | 'c050';

/** Bills and coins in circulation in Mexico, largest first (the order of the counting grid). */
export const DENOMINATIONS: readonly Denomination[] = [
  { id: 'b1000', kind: 'bill', value: 100_000 },
  { id: 'b500', kind: 'bill', value: 50_000 },
  { id: 'b200', kind: 'bill', value: 20_000 },
  { id: 'b100', kind: 'bill', value: 10_000 },
  { id: 'b50', kind: 'bill', value: 5_000 },
  { id: 'b20', kind: 'bill', value: 2_000 },
  { id: 'c20', kind: 'coin', value: 2_000 },
  { id: 'c10', kind: 'coin', value: 1_000 },
  { id: 'c5', kind: 'coin', value: 500 },
  { id: 'c2', kind: 'coin', value: 200 },
  { id: 'c1', kind: 'coin', value: 100 },
  { id: 'c050', kind: 'coin', value: 50 },
];

/** How many of each bill and coin were counted; a missing id counts as zero. */
export type DenominationCounts = Partial<Record<DenominationId, number>>;

/** The total of a count, in centavos. */
export function countedTotal(counts: DenominationCounts): Centavos {
  return DENOMINATIONS.reduce((sum, d) => sum + (counts[d.id] ?? 0) * d.value, 0);
}

/** Cash the drawer should hold: float + cash sales + cash in − cash out − cash refunds. */
export function expectedCash(parts: CashFlow): Centavos {
  return parts.openingFloat + parts.cashSales + parts.cashIn - parts.cashOut - parts.cashRefunds;
}

/** What moved through the drawer during a shift. */
export interface CashFlow {
  openingFloat: Centavos;
  /** What cash sales kept (tendered − change), i.e. the cash payments' amounts. */
  cashSales: Centavos;
  cashIn: Centavos;
  cashOut: Centavos;
  cashRefunds: Centavos;
}

/** A person, by id and name, as the office shows them. */
export interface PersonRef {
  id: number;
  name: string;
}

/** One cash in or cash out. */
export interface CashMovementView {
  id: number;
  kind: 'in' | 'out';
  amount: Centavos;
  reason: string;
  by: PersonRef | null;
  at: number;
}

/** A shift as the office shows it; the cash flow is live while it is open and final once closed. */
export interface ShiftView extends CashFlow {
  id: number;
  /** The register whose drawer this is (issue 17; register 0 is the store server's own counter). */
  registerId: number;
  /** That register's name as the office shows it (renamed registers show their new name). */
  registerName: string;
  openedBy: PersonRef | null;
  openedAt: number;
  closedBy: PersonRef | null;
  closedAt: number | null;
  /** Expected cash now (open) or at closing (closed). */
  expected: Centavos;
  /** Closed only: what was counted, and counted − expected (negative is a shortage). */
  counted: Centavos | null;
  difference: Centavos | null;
  denominations: DenominationCounts | null;
  movements: CashMovementView[];
}

/** A card payment that keeps a shift from closing: its outcome is not known yet. */
export interface BlockingPayment {
  paymentId: number;
  saleId: number;
  reference: string | null;
  status: PaymentStatus;
  amount: Centavos;
  createdAt: number;
}

/** The register's shift now, and what would stop it from closing. */
export interface CurrentShift {
  shift: ShiftView | null;
  blocking: BlockingPayment[];
}
