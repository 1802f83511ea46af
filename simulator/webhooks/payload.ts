// Builds the §3.2 webhook body. Amounts are two-decimal strings; the field names keep Kushki's odd casing
// (`transactionid`, `creditcard`, `cardtype`, `userID`).
import { toMexicoIso } from '../core/dates';
import { formatCents, type Cents } from '../core/money';
import { BRAND_EMV } from '../core/ids';
import type { CardAttempt, RequestView } from '../types';

/** The JSON body POSTed to the webhook URL. */
export type WebhookPayload = Record<string, string | number>;

/** Inputs of one payload. */
export interface PayloadInput {
  kind: 'venta' | 'devolucion';
  request: RequestView;
  attempt: CardAttempt;
  amountCents: Cents;
  tipCents: Cents | null;
  userId: number;
  arqc: string;
  receiptId: string;
}

/** The webhook body for an approval, decline or refund. */
export function buildPayload(input: PayloadInput): WebhookPayload {
  const { request, attempt } = input;
  const emv = BRAND_EMV[attempt.brand];
  const payload: WebhookPayload = {
    result: attempt.result,
    amount: formatCents(input.amountCents),
  };
  if (input.tipCents !== null) payload.tip = formatCents(input.tipCents);
  payload.payments = request.msi;
  payload.authorizationTime = toMexicoIso(attempt.at);
  if (request.description !== null) payload.reference = request.description;
  payload.transactionid = attempt.transactionId;
  // Declines carry no authorization code and no receipt (§3.2: "some properties may be missing").
  if (attempt.authorization !== null) payload.authorization = attempt.authorization;
  payload.creditcard = attempt.last4;
  payload.cardtype = attempt.brand;
  payload.arqc = input.arqc;
  payload.userID = input.userId;
  payload.aid = emv.aid;
  payload.applabel = emv.applabel;
  if (attempt.result === 'aprobada') payload.url = input.receiptId;
  payload.uniqueReference = request.uniqueReference;
  payload.identifier = request.identifier;
  payload.transactionType = input.kind;
  return payload;
}
