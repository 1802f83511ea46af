// Public types of the simulator: what the POS tests and the app's demo mode program against.
import type { Cents } from './core/money';

/** The four statuses get-status reports (§2.3); nothing else is ever returned (§8 #8). */
export type RequestStatus = 'CREATED' | 'APPROVED' | 'CANCELLED' | 'REFUNDED';

/** How a virtual terminal answers a request that reaches its screen. */
export type Behaviour =
  'auto-approve' | 'auto-decline' | 'timeout' | 'customer-cancel' | 'offline' | 'manual';

/** Every behaviour, for validation and the CLI. */
export const BEHAVIOURS: readonly Behaviour[] = [
  'auto-approve',
  'auto-decline',
  'timeout',
  'customer-cancel',
  'offline',
  'manual',
];

/** Webhook `result` values the simulator can produce (§8 #10). */
export type WebhookResult = 'aprobada' | 'rechazada' | 'rechazadaProsa' | 'rechazadaRiesgo';

/** Decline results, for the decline actions. */
export type DeclineResult = Exclude<WebhookResult, 'aprobada'>;

/** Card brands the terminal page offers; the first four are the documented webhook `cardtype` values. */
export type CardBrand =
  'VISA' | 'MASTERCARD' | 'CARNET' | 'AMERICAN EXPRESS' | 'SODEXO' | 'SI VALE' | 'EDENRED';

/** Every card brand, in picker order. */
export const CARD_BRANDS: readonly CardBrand[] = [
  'VISA',
  'MASTERCARD',
  'CARNET',
  'AMERICAN EXPRESS',
  'SODEXO',
  'SI VALE',
  'EDENRED',
];

/** Who or what moved a request to CANCELLED. */
export type CancelledBy = 'api' | 'ttl' | 'customer';

/** Webhook delivery fault modes (see README "Fault modes"). */
export type WebhookFaultMode = 'none' | 'duplicate' | 'delay' | 'out-of-order' | 'drop';

/** A delivery fault applied to the next `count` webhook events (all of them when count is omitted). */
export interface WebhookFault {
  mode: WebhookFaultMode;
  /** How many webhook events the fault applies to; omitted = until cleared. */
  count?: number;
  /** `delay`: simulated ms before the first attempt (default 30 000). */
  delayMs?: number;
  /** `duplicate`: total copies delivered (default 2). */
  copies?: number;
}

/** What happens to the push's own HTTP response (magic amounts .65, .71, .72). */
export type PushResponseFault = 'none' | 'early-webhook' | 'lost' | 'slow';

/** A virtual terminal as the control surface reports it. */
export interface TerminalView {
  serialNumber: string;
  appVersion: string;
  online: boolean;
  /** False simulates a terminal whose app never registered for pushes (responseCode 010). */
  registered: boolean;
  behaviour: Behaviour;
  /** Simulated ms between the request reaching the screen and the auto behaviour acting. */
  approveDelayMs: number;
  /** uniqueReference on screen, if any. */
  current: string | null;
  /** uniqueReferences waiting behind the current one. */
  queue: string[];
}

/** Fields accepted when creating or updating a terminal. */
export interface TerminalInit {
  serialNumber: string;
  appVersion?: string;
  online?: boolean;
  registered?: boolean;
  behaviour?: Behaviour;
  approveDelayMs?: number;
}

/** One webhook-relevant card attempt on a request (approvals and declines). */
export interface CardAttempt {
  at: number;
  result: WebhookResult;
  transactionId: string;
  authorization: string | null;
  brand: CardBrand;
  last4: string;
}

/** A payment request as the control surface reports it (amounts as centavos and as numbers). */
export interface RequestView {
  uniqueReference: string;
  /** False when the client sent no uniqueReference and the simulator generated one (V1, or V2 without it). */
  merchantReference: boolean;
  apiVersion: 'v1' | 'v2';
  identifier: string;
  serialNumber: string;
  amountCents: Cents;
  tipCents: Cents;
  description: string | null;
  msi: number;
  ttlSeconds: number;
  showNotification: boolean;
  extras: { autoPaymentEnabled?: boolean; timerFinishTRX?: number; enableDialogTip?: boolean };
  status: RequestStatus;
  transactionId: string | null;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
  cancelledBy: CancelledBy | null;
  refundedCents: Cents;
  attempts: CardAttempt[];
  /** The magic amount that chose this request's scenario, if any. */
  magic: string | null;
  /** Where the request is on its terminal. */
  terminalState: 'queued' | 'on-screen' | 'done';
}

/** One webhook HTTP attempt (or a decision not to send one), for `/_sim/webhooks` and the page's log. */
export interface WebhookAttempt {
  /** Sequence number across the simulator's life. */
  seq: number;
  /** Same for every copy and attempt of one logical event. */
  eventId: string;
  /** Distinguishes copies of one event (duplicate fault); attempts of one copy share it. */
  deliveryId: string;
  uniqueReference: string;
  serialNumber: string;
  transactionType: 'venta' | 'devolucion';
  result: WebhookResult;
  /** 1 for the first try of a copy, 2.. for retries. */
  attempt: number;
  /** Why this copy exists beyond the plain event. */
  tag: 'primary' | 'duplicate' | 'stale';
  url: string | null;
  scheduledAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Receiver status code when one came back. */
  statusCode: number | null;
  outcome: 'pending' | 'delivered' | 'failed' | 'timeout' | 'dropped' | 'no-url';
  /** Connection error text, if any. */
  error: string | null;
  payload: Record<string, unknown>;
  signed: boolean;
}

/** One API call as the simulator saw it (headers are never stored: they carry the token). */
export interface HttpLogEntry {
  seq: number;
  at: number;
  method: string;
  path: string;
  status: number;
  responseCode: string | null;
  serialNumber: string | null;
  uniqueReference: string | null;
  /** The body received, truncated to 2 KiB. */
  body: string;
  durationMs: number;
}

/** A ticket accepted by print-ticket, as the terminal page shows it. */
export interface PrintedTicket {
  at: number;
  serialNumber: string;
  showNotification: boolean;
  notificationTitle: string | null;
  notificationMessage: string | null;
  ticketData: unknown[];
}

/** Everything the simulator announces, for live views and `sim.on()`. */
export type SimEvent =
  | { type: 'request.created'; request: RequestView }
  | { type: 'request.updated'; request: RequestView; change: string }
  | { type: 'terminal.updated'; terminal: TerminalView }
  | { type: 'webhook.attempt'; attempt: WebhookAttempt }
  | { type: 'http.request'; entry: HttpLogEntry }
  | { type: 'ticket.printed'; ticket: PrintedTicket }
  | { type: 'reset' };
