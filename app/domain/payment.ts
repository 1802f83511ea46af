import type { Centavos } from './money';
import type { PaymentStatus } from './payment-status';

/**
 * Whether Billpocket's own signature on a webhook was verified (by the relay, with a configured
 * public key). Anything else — no signature, a key index the relay does not know, an older relay
 * that did not say, a webhook that did not come through the relay — is `unverified`: the ingress
 * URL alone is enough to post one (issue 11 finding 4).
 */
export type WebhookSignature = 'verified' | 'unverified';

/** How a payment was tendered. */
export type PaymentMethod = 'card' | 'cash';

/** A payment as Caja stores it. */
export interface Payment {
  id: number;
  saleId: number;
  method: PaymentMethod;
  status: PaymentStatus;
  amount: Centavos;
  tip: Centavos;
  msi: number;
  tendered: Centavos | null;
  change: Centavos | null;
  identifier: string | null;
  uniqueReference: string | null;
  terminalSerial: string | null;
  ttlSeconds: number | null;
  kushkiStatus: string | null;
  transactionId: string | null;
  authorizationCode: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  /**
   * The signature of the webhook the card fields (brand, last four, authorization) came from; null
   * while there are none. See [Note: card facts are written once].
   */
  cardSignature: WebhookSignature | null;
  failureReason: string | null;
  cancelRequested: boolean;
  createdBy: number | null;
  createdAt: number;
  updatedAt: number;
  nextCheckAt: number | null;
  checkCount: number;
}

/** One line of a payment's timeline. */
export interface PaymentEvent {
  id: number;
  paymentId: number | null;
  uniqueReference: string | null;
  kind: string;
  source: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: string | null;
  rawPayload: string | null;
  /** For a webhook row: whether its Billpocket signature was verified; null for every other row. */
  signature: WebhookSignature | null;
  at: number;
}

/** Interest-free instalment terms Kushki accepts, and the minimum amount for each (§5). */
export const MSI_MINIMUMS: Readonly<Record<number, Centavos>> = {
  3: 30_000,
  6: 60_000,
  9: 90_000,
  12: 120_000,
  18: 180_000,
};

/** True when `msi` is 0 (no instalments) or a term whose minimum `amount` reaches. */
export function msiAllowed(msi: number, amount: Centavos): boolean {
  if (msi === 0) return true;
  const minimum = MSI_MINIMUMS[msi];
  return minimum !== undefined && amount >= minimum;
}
