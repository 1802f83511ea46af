/**
 * The daily (Z) and monthly reports and the reconciliation against Kushki (issue 7, item 6). Pure
 * types plus the rule that says which Kushki status agrees with which Caja status.
 */
import type { Centavos } from '../money';
import type { PaymentMethod } from '../payment';
import type { PaymentStatus } from '../payment-status';
import type { ProductSalesBreakdown } from './product-sales';
import type { ReturnsSummary } from './returns';
import type { ShiftView } from './shifts';

/** Kushki's request states as get-status reports them (the gateway port's KushkiStatus). */
export type KushkiStatus = 'CREATED' | 'APPROVED' | 'CANCELLED' | 'REFUNDED' | 'OTHER';

/** Sums over a set of payments. Sales are money taken; refunds are refunds confirmed in the period. */
export interface ReportTotals {
  /** Payments that took money (approved, later refunded or not). */
  count: number;
  /** What the sales received (amount, without tips). */
  sales: Centavos;
  /** Card tips on top of the sales (they go to staff). */
  tips: Centavos;
  /** IVA contained in the sales, each sale's IVA shared among its payments pro rata. */
  iva: Centavos;
  refundCount: number;
  refunds: Centavos;
  /** sales − refunds. */
  net: Centavos;
}

/** One row of a breakdown: a key (tender, brand, cashier id, hour, day) and its totals. */
export interface BreakdownRow<K> extends ReportTotals {
  key: K;
  /** A name for people where the key is an id (the cashier's name); otherwise null. */
  label: string | null;
}

/**
 * One register's part of a report (issue 17): its totals (refunds and returns included, as in every
 * breakdown) with the sales split by tender. `key` is the register id, `label` its name.
 */
export interface RegisterBreakdownRow extends BreakdownRow<number> {
  /** Card sales (amount, without tips) and cash sales of the register. */
  cardSales: Centavos;
  cashSales: Centavos;
}

/** A register's row of the Z report: its breakdown row plus its drawer's shifts of the day. */
export interface RegisterZRow extends RegisterBreakdownRow {
  /** Shifts of this register that overlap the day. */
  shiftCount: number;
  /** The cash its drawer should hold: the sum of those shifts' expected cash; null with no shift. */
  expectedCash: Centavos | null;
}

/** The breakdowns both reports share. */
export interface ReportBreakdowns {
  totals: ReportTotals;
  /** By register, by id (the store server's own counter, 0, first); only registers with activity. */
  byRegister: RegisterBreakdownRow[];
  byTender: BreakdownRow<PaymentMethod>[];
  /** Card payments only; null is a card whose brand Kushki did not report. */
  byBrand: BreakdownRow<string | null>[];
  /** By the user who took the payment; null when nobody was signed in (older data). */
  byCashier: BreakdownRow<number | null>[];
  /** Local hour 0–23 in America/Mexico_City, only hours with activity. */
  byHour: BreakdownRow<number>[];
}

/** One cash payment taken while no shift was open. */
export interface CashOutsidePayment {
  paymentId: number;
  saleId: number;
  amount: Centavos;
  at: number;
  cashier: string | null;
}

/** Cash taken while no shift was open (the counter keeps working without one). */
export interface CashOutsideShifts {
  count: number;
  amount: Centavos;
  /** Which payments, latest first, at most {@link CASH_OUTSIDE_LISTED} (count and amount cover all). */
  payments: CashOutsidePayment[];
}

/** How many cash-outside-shift payments the report lists one by one. */
export const CASH_OUTSIDE_LISTED = 50;

/** The Z report of one Mexico City day. */
export interface DailyReport extends ReportBreakdowns {
  day: string;
  from: number;
  to: number;
  /** The register the report is limited to, or null for the whole store. */
  registerId: number | null;
  /** That register's name (null for the whole store). */
  registerName: string | null;
  /** Per register: activity and drawers of the day (registers with a sale, a refund or a shift). */
  byRegister: RegisterZRow[];
  shifts: ShiftView[];
  cashOutsideShifts: CashOutsideShifts;
  /** Sales by product and department of the sales completed this day (issue 13). */
  products: ProductSalesBreakdown;
  /** Returns by item made this day (issue 14): by product and department, and their total. */
  returns: ReturnsSummary;
}

/** Which part of the store a report covers: one register, or the whole store when absent. */
export interface ReportScope {
  registerId?: number | undefined;
}

/** Longest period report: a year, leap day included. */
export const PERIOD_MAX_DAYS = 366;

/**
 * A period of store days (both included): the money totals, as the Z report counts them, and sales
 * by product and department of the sales completed in it.
 */
export interface PeriodReport {
  from: string;
  to: string;
  start: number;
  end: number;
  /** The register the report is limited to, or null for the whole store. */
  registerId: number | null;
  /** That register's name (null for the whole store). */
  registerName: string | null;
  totals: ReportTotals;
  /** The period's totals per register. */
  byRegister: RegisterBreakdownRow[];
  products: ProductSalesBreakdown;
  /** Returns by item made in the period (issue 14). */
  returns: ReturnsSummary;
}

/** The month: totals per day plus the same breakdowns. */
export interface MonthlyReport extends ReportBreakdowns {
  month: string;
  /** The register the report is limited to, or null for the whole store. */
  registerId: number | null;
  /** That register's name (null for the whole store). */
  registerName: string | null;
  byDay: BreakdownRow<string>[];
}

/** A card payment whose status in Caja disagrees with Kushki's get-status. */
export interface ReconciliationMismatch {
  paymentId: number;
  saleId: number;
  reference: string;
  amount: Centavos;
  cajaStatus: PaymentStatus;
  /** Kushki's status, or NOT_FOUND when get-status does not know the reference. */
  kushkiStatus: KushkiStatus | 'NOT_FOUND';
  kushkiRawStatus: string | null;
}

/** A card payment Kushki could not be asked about (timeout, refusal): neither matched nor mismatched. */
export interface ReconciliationUnverified {
  paymentId: number;
  reference: string;
  cajaStatus: PaymentStatus;
  reason: string;
}

/** The outcome of re-asking Kushki about every card payment of a day. */
export interface ReconciliationResult {
  day: string;
  checkedAt: number;
  checked: number;
  matched: number;
  mismatches: ReconciliationMismatch[];
  unverified: ReconciliationUnverified[];
}

/**
 * Kushki statuses that agree with a Caja status. A declined request stays CREATED at Kushki until
 * Caja cancels it (§8 #9); a refund in flight is still APPROVED; a failed request never reached Kushki.
 */
const AGREEING: Record<PaymentStatus, readonly (KushkiStatus | 'NOT_FOUND')[]> = {
  requested: ['CREATED', 'NOT_FOUND'],
  sent: ['CREATED'],
  unknown: [],
  declined: ['CANCELLED', 'CREATED'],
  canceled: ['CANCELLED'],
  expired: ['CANCELLED', 'CREATED'],
  failed: ['NOT_FOUND', 'CANCELLED'],
  approved: ['APPROVED'],
  refund_requested: ['APPROVED'],
  refunded: ['REFUNDED'],
};

/** True when Kushki's status agrees with Caja's. An unknown payment never agrees: it needs resolving. */
export function statusesAgree(caja: PaymentStatus, kushki: KushkiStatus | 'NOT_FOUND'): boolean {
  return AGREEING[caja].includes(kushki);
}

/** An exported file handed to the renderer, which saves it with a download link. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
}

/** A text export (CSV). */
export interface ExportedText extends ExportedFile {
  content: string;
}

/** A binary export (PDF), base64-encoded to cross the boundary as JSON. */
export interface ExportedBinary extends ExportedFile {
  base64: string;
}
