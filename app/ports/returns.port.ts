/** Storage of returns by item (infra/db/office/returns/returns.repo.ts). See [Note: returns]. */
import type { Centavos } from '../domain/money';
import type { PaymentMethod } from '../domain/payment';
import type { PaymentStatus } from '../domain/payment-status';
import type { Milli } from '../domain/products/product-record';
import type { SaleLine } from '../domain/sale';
import type { ReturnsSummary, ReturnView } from '../domain/office/returns';

/** A completed (or other) sale with what its lines sold and what has come back. */
export interface SaleForReturn {
  saleId: number;
  status: string;
  completedAt: number | null;
  total: Centavos;
  cashier: string | null;
  /** The sale's lines as sold (see SaleLine), with what they sold and what came back. */
  lines: (Omit<SaleLine, 'id'> & {
    saleLineId: number;
    soldMilli: Milli;
    returnedMilli: Milli;
    /** Sold by weight: returns in any thousandths; otherwise in whole pieces. */
    byWeight: boolean;
  })[];
  payments: {
    paymentId: number;
    method: PaymentMethod;
    status: PaymentStatus;
    amount: Centavos;
    cardBrand: string | null;
    cardLast4: string | null;
  }[];
}

/** A return header as stored. */
export interface NewReturn {
  saleId: number;
  method: PaymentMethod;
  amount: Centavos;
  refundId: number | null;
  shiftId: number | null;
  reason: string | null;
  by: number;
  at: number;
}

/** Returns and their lines; the triggers of migration 015 refuse a line returned beyond what was sold. */
export interface ReturnsRepo {
  /** Runs `work` in one IMMEDIATE transaction: two returns of one line are serialised. */
  transaction<T>(work: () => T): T;
  sale(saleId: number): SaleForReturn | undefined;
  insert(header: NewReturn, lines: { saleLineId: number; quantity: Milli; amount: Centavos }[]): number;
  get(id: number): ReturnView | undefined;
  forSale(saleId: number): ReturnView[];
  /** Returns made in [start, end), less those whose card refund failed; of one register's sales if given. */
  summary(start: number, end: number, registerId?: number): ReturnsSummary;
}
