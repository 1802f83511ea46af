// get-status, cancel, refund and print-ticket (§2.3–§2.6 with the §8 choices #3–#7).
import type { Runtime } from '../core/runtime';
import { toCents } from '../core/money';
import { apiError, DEFAULT_MESSAGES, notProcessableBody, statusBody, type ApiReply } from './responses';
import type { Schemas } from './schemas';
import { validate } from './validation';

/** Success message of cancel (§2.4, §8 #4). */
export const CANCEL_SUCCESS_MESSAGE = 'La petición de cobro ha sido cancelada exitosamente';
/** 422 message of cancel (§2.4). */
export const CANCEL_REFUSED_MESSAGE = 'No se puede realizar la cancelación de la transacción';
/** Success message of refund (§8 #6 leaves the text open). */
export const REFUND_SUCCESS_MESSAGE = 'La devolución ha sido procesada exitosamente';
/** 422 message of refund, worded like cancel's. */
export const REFUND_REFUSED_MESSAGE = 'No se puede realizar la devolución de la transacción';
/** Success message of print-ticket (§8 #5). */
export const PRINT_SUCCESS_MESSAGE = 'Ticket enviado';

const NOT_FOUND = 'uniqueReference not found';

/** GET /get-status/?uniqueReference=… */
export function handleGetStatus(runtime: Runtime, query: URLSearchParams): ApiReply {
  const refs = query.getAll('uniqueReference');
  const ref = refs[0];
  if (refs.length !== 1 || ref === undefined || ref === '') {
    return apiError('002', ['uniqueReference should not be empty']);
  }
  if (ref.length > 64)
    return apiError('002', ['uniqueReference must be shorter than or equal to 64 characters']);
  const request = runtime.engine.view(ref);
  // §8 #7: an unknown reference is 404 with responseCode 002.
  if (!request) return { ...apiError('002', [NOT_FOUND], { uniqueReference: ref }), status: 404 };
  return {
    status: 200,
    body: statusBody(request),
    responseCode: null,
    serialNumber: request.serialNumber,
    uniqueReference: ref,
  };
}

/** POST /cancel-push-notification (and its aliases). */
export function handleCancel(runtime: Runtime, schemas: Schemas, json: unknown): ApiReply {
  const input = validate(schemas.cancel, json);
  if (!input.ok) return apiError('002', input.messages);
  const { uniqueReference, serialNumber } = input.value;
  const context = { serialNumber, uniqueReference };
  if (!runtime.terminals.get(serialNumber)) return apiError('003', [DEFAULT_MESSAGES['003']], context);
  const request = runtime.engine.view(uniqueReference);
  if (!request || request.serialNumber !== serialNumber) {
    return { ...apiError('002', [NOT_FOUND], context), status: 404 };
  }
  const cancelled = runtime.engine.cancel(uniqueReference, 'api');
  if (!cancelled.ok) {
    const current = runtime.engine.view(uniqueReference) ?? request;
    return {
      status: 422,
      body: notProcessableBody(CANCEL_REFUSED_MESSAGE, current),
      responseCode: null,
      ...context,
    };
  }
  return { status: 201, body: { message: CANCEL_SUCCESS_MESSAGE }, responseCode: null, ...context };
}

/** POST /refund by uniqueReference (Kushki demo) or saleId (valquiria style), full or partial (§8 #6). */
export function handleRefund(runtime: Runtime, schemas: Schemas, json: unknown): ApiReply {
  const input = validate(schemas.refund, json);
  if (!input.ok) return apiError('002', input.messages);
  const { uniqueReference, saleId, refundAmount } = input.value;
  const byRef = uniqueReference === undefined ? undefined : runtime.engine.view(uniqueReference);
  const bySale = saleId === undefined ? undefined : runtime.engine.findByTransactionId(saleId);
  const request = byRef ?? bySale;
  const context = { uniqueReference: request?.uniqueReference ?? uniqueReference ?? null };
  if (!request)
    return { ...apiError('002', [saleId ? 'saleId not found' : NOT_FOUND], context), status: 404 };
  if (byRef && saleId !== undefined && byRef.transactionId !== saleId) {
    return apiError('002', ['saleId does not belong to uniqueReference'], context);
  }
  const cents = refundAmount === undefined ? undefined : (toCents(refundAmount) as number);
  const refunded = runtime.engine.refund(request.uniqueReference, cents);
  if (!refunded.ok) {
    if (refunded.error.code === 'invalid_input') {
      return apiError('002', ['refundAmount must not exceed the refundable amount'], context);
    }
    const current = runtime.engine.view(request.uniqueReference) ?? request;
    return {
      status: 422,
      body: notProcessableBody(REFUND_REFUSED_MESSAGE, current),
      responseCode: null,
      serialNumber: request.serialNumber,
      ...context,
    };
  }
  return {
    status: 201,
    body: { message: REFUND_SUCCESS_MESSAGE },
    responseCode: null,
    serialNumber: request.serialNumber,
    ...context,
  };
}

/** POST /v2/print-ticket (and aliases, §8 #5). */
export function handlePrint(runtime: Runtime, schemas: Schemas, json: unknown): ApiReply {
  const input = validate(schemas.print, json);
  if (!input.ok) return apiError('002', input.messages);
  const body = input.value;
  const context = { serialNumber: body.serialNumber };
  const terminal = runtime.terminals.get(body.serialNumber);
  if (!terminal) return apiError('003', [DEFAULT_MESSAGES['003']], context);
  if (!terminal.registered) return apiError('010', [DEFAULT_MESSAGES['010']], context);
  if (!terminal.online || terminal.behaviour === 'offline') {
    return apiError('101', [DEFAULT_MESSAGES['101']], context);
  }
  const ticket = {
    at: runtime.clock.now(),
    serialNumber: body.serialNumber,
    showNotification: body.showNotification ?? false,
    notificationTitle: body.notificationTitle ?? null,
    notificationMessage: body.notificationMessage ?? null,
    ticketData: body.ticketData,
  };
  runtime.tickets.push(ticket);
  if (runtime.tickets.length > 1_000) runtime.tickets.shift();
  runtime.bus.emit({ type: 'ticket.printed', ticket });
  return { status: 201, body: { message: PRINT_SUCCESS_MESSAGE }, responseCode: null, ...context };
}
