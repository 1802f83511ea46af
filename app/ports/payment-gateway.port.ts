/**
 * What the payment service needs from Kushki's Cloud Terminal API, in Caja's terms. Every answer is
 * one of: it happened, Kushki refused (with its code), or **uncertain** — a timeout, a network error
 * or a 5xx, after which the request may or may not have landed and only get-status can tell.
 */
import type { Centavos } from '../domain/money';
import type { TicketBlockSpec } from '../domain/receipt-ticket';

/** Kushki's request states (get-status), upper-cased; anything else arrives as OTHER and counts as pending. */
export type KushkiStatus = 'CREATED' | 'APPROVED' | 'CANCELLED' | 'REFUNDED' | 'OTHER';

/** A payment request as Kushki reports it. */
export interface KushkiStatusView {
  status: KushkiStatus;
  rawStatus: string;
  transactionId: string | null;
  creationDate: string | null;
  updateDate: string | null;
}

/** The charge Caja asks a terminal to take. Amounts in centavos; the adapter formats them. */
export interface PushRequest {
  serialNumber: string;
  amount: Centavos;
  tip: Centavos;
  msi: number;
  identifier: string;
  uniqueReference: string;
  description: string;
  ttlSeconds: number;
}

/** Something went wrong on the way; `uncertain` means the request may have landed. */
export type GatewayFailure =
  | { kind: 'rejected'; responseCode: string; httpStatus: number; message: string }
  | { kind: 'uncertain'; reason: string };

/** Outcome of a push. */
export type PushOutcome =
  { kind: 'queued' } | { kind: 'duplicate'; responseCode: '004' | '005' | '006' | '007' } | GatewayFailure;

/** Outcome of get-status. */
export type StatusOutcome =
  { kind: 'found'; view: KushkiStatusView } | { kind: 'not_found' } | GatewayFailure;

/** Outcome of cancel: done, or refused because the request is no longer CREATED (with its state). */
export type CancelOutcome =
  { kind: 'cancelled' } | { kind: 'not_cancellable'; view: KushkiStatusView } | GatewayFailure;

/**
 * Outcome of a refund request; the result itself arrives by webhook and get-status. `not_refundable`
 * is Kushki's 422 with the request's state: REFUNDED there means the whole charge is already back.
 */
export type RefundOutcome =
  { kind: 'requested' } | { kind: 'not_refundable'; view: KushkiStatusView } | GatewayFailure;

/** The Cloud Terminal API. */
export interface PaymentGateway {
  push(request: PushRequest): Promise<PushOutcome>;
  getStatus(uniqueReference: string): Promise<StatusOutcome>;
  cancel(uniqueReference: string, serialNumber: string): Promise<CancelOutcome>;
  /** Refunds `amount` centavos (all that is left when absent) of the approved request `uniqueReference`. */
  refund(uniqueReference: string, amount?: Centavos): Promise<RefundOutcome>;
  /**
   * False when no Kushki key is set, so nothing could be sent: the counter refuses a card charge up
   * front and says the key is missing, instead of recording a payment that fails as "bad credentials".
   * Absent means the gateway cannot tell (a fake, the simulator): assume it can send.
   */
  hasKey?(): boolean;
}

/** One block of a terminal ticket (defined with the receipt layout in the domain). */
export type TicketBlock = TicketBlockSpec;

/** Outcome of a print request: the terminal got the ticket, or why not. */
export type PrintOutcome = { kind: 'printed' } | GatewayFailure;

/** Printing a custom ticket on a terminal. Apart from PaymentGateway: a printer failure never touches a sale. */
export interface TicketPrinter {
  printTicket(serialNumber: string, blocks: TicketBlock[]): Promise<PrintOutcome>;
}
