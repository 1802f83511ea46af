import type { Centavos } from './money';
import { isUnresolved, type PaymentStatus } from './payment-status';
import type { Payment, PaymentEvent, PaymentMethod } from './payment';

/** A payment as the renderer sees it: no key, no raw Kushki error, just what a cashier acts on. */
export interface PaymentView {
  id: number;
  saleId: number;
  method: PaymentMethod;
  status: PaymentStatus;
  amount: Centavos;
  tip: Centavos;
  msi: number;
  tendered: Centavos | null;
  change: Centavos | null;
  terminalSerial: string | null;
  uniqueReference: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  authorizationCode: string | null;
  failureReason: string | null;
  /** Whether asking Kushki to cancel can still work (the request may still be CREATED). */
  cancelable: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A payment with its whole ledger, for the timeline. */
export interface PaymentDetail {
  payment: PaymentView;
  timeline: PaymentEvent[];
}

/** What the sale has received and still needs. */
export interface TenderSummary {
  saleId: number;
  total: Centavos;
  paid: Centavos;
  due: Centavos;
  payments: PaymentView[];
}

/** Maps a stored payment to its view. */
export function paymentView(payment: Payment): PaymentView {
  return {
    id: payment.id,
    saleId: payment.saleId,
    method: payment.method,
    status: payment.status,
    amount: payment.amount,
    tip: payment.tip,
    msi: payment.msi,
    tendered: payment.tendered,
    change: payment.change,
    terminalSerial: payment.terminalSerial,
    uniqueReference: payment.uniqueReference,
    cardBrand: payment.cardBrand,
    cardLast4: payment.cardLast4,
    authorizationCode: payment.authorizationCode,
    failureReason: payment.failureReason,
    cancelable: payment.method === 'card' && isUnresolved(payment.status),
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
  };
}
