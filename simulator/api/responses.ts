// Response shapes of the Kushki API. Every error carries `{ message: string[], responseCode }` (§2.2) with the
// HTTP status §8 #2 pairs with its code; clients are expected to branch on `responseCode`, not the status.
import { toMexicoIso } from '../core/dates';
import type { RequestView } from '../types';

/** The documented responseCodes (§4.1). */
export type ResponseCode = '001' | '002' | '003' | '004' | '005' | '006' | '007' | '010' | '100' | '101';

/** HTTP status per responseCode (§8 #2 and #25). */
export const HTTP_STATUS: Readonly<Record<ResponseCode, number>> = {
  '001': 401,
  '002': 400,
  '003': 404,
  '004': 409,
  '005': 409,
  '006': 409,
  '007': 409,
  '010': 404,
  '100': 500,
  '101': 503,
};

/** What happens to a reply on the wire (magic amounts .71 and .72). */
export type WireMode = { kind: 'normal' } | { kind: 'lost' } | { kind: 'slow'; simulatedMs: number };

/** A reply ready to be written. A null body is sent as an empty response. */
export interface ApiReply {
  status: number;
  body: unknown;
  responseCode: string | null;
  wire?: WireMode;
  /** For the request log: what the call was about. */
  serialNumber?: string | null;
  uniqueReference?: string | null;
}

/** A documented error reply. */
export function apiError(code: ResponseCode, messages: string[], context: Partial<ApiReply> = {}): ApiReply {
  return {
    status: HTTP_STATUS[code],
    body: { message: messages, responseCode: code },
    responseCode: code,
    ...context,
  };
}

/** Default message per responseCode, paraphrasing §4.1. */
export const DEFAULT_MESSAGES: Readonly<Record<ResponseCode, string>> = {
  '001': 'Unauthorized: check the X-BP-AUTH token and header',
  '002': 'invalid data: check the properties and their values',
  '003': 'serialNumber not found: check the terminal serial number',
  '004': 'uniqueReference already exists with status CREATED',
  '005': 'uniqueReference already exists with status CANCELLED',
  '006': 'uniqueReference already exists with status APPROVED',
  '007': 'uniqueReference already exists with status REFUNDED',
  '010': 'the device token does not exist: log in to the payment app on the terminal (app 4.3.26 or later)',
  '100': 'could not register the uniqueReference: check the data and retry',
  '101': 'could not send the notification to the terminal: check that it is on and online, then retry',
};

/** The duplicate code for an existing request's status (§4.1, 004–007). */
export function duplicateCode(status: RequestView['status']): ResponseCode {
  return ({ CREATED: '004', CANCELLED: '005', APPROVED: '006', REFUNDED: '007' } as const)[status];
}

/** The get-status body (§2.3). */
export function statusBody(request: RequestView): Record<string, unknown> {
  return {
    status: request.status,
    transactionId: request.transactionId,
    creationDate: toMexicoIso(request.createdAt),
    updateDate: toMexicoIso(request.updatedAt),
  };
}

/** The 422 body of cancel (§2.4, note the capital-ID `transactionID`) and, by analogy, refund. */
export function notProcessableBody(message: string, request: RequestView): Record<string, unknown> {
  return {
    message,
    creationDate: toMexicoIso(request.createdAt),
    transactionID: request.transactionId,
    updateDate: toMexicoIso(request.updatedAt),
    status: request.status,
  };
}
