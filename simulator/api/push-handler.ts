// POST /v2/push-notifications and V1 POST /push-notifications, checked in the order of §7:
// auth (done by the router) → fields (002) → terminal (003, 010) → duplicate (004–007) → 100 → offline (101) → 201.
import type { Runtime } from '../core/runtime';
import { takePushFault } from '../core/runtime';
import { toCents } from '../core/money';
import { findMagicAmount, SLOW_RESPONSE_MS } from '../core/scenarios';
import { compareVersions, MIN_APP_VERSION, MIN_UNIQUE_REFERENCE_VERSION } from '../core/terminals';
import { apiError, DEFAULT_MESSAGES, duplicateCode, type ApiReply } from './responses';
import type { Schemas } from './schemas';
import { validate } from './validation';

/** Default ttl in seconds when the client sends none (§8 #15). */
export const DEFAULT_TTL_SECONDS = 60;
/** Body of the push 201; message and code are placeholders (§8 #1). */
export const PUSH_SUCCESS_MESSAGE = 'Notificación enviada exitosamente';

/** Handles a V1 or V2 push whose JSON body has been parsed. */
export async function handlePush(
  runtime: Runtime,
  schemas: Schemas,
  version: 'v1' | 'v2',
  json: unknown,
): Promise<ApiReply> {
  const input = normalise(schemas, version, json);
  if (!input.ok) return apiError('002', input.messages);
  const body = input.value;
  const context = { serialNumber: body.serialNumber, uniqueReference: body.uniqueReference ?? null };
  const terminal = runtime.terminals.get(body.serialNumber);
  if (!terminal) return apiError('003', [DEFAULT_MESSAGES['003']], context);
  if (!terminal.registered || compareVersions(terminal.appVersion, MIN_APP_VERSION) < 0) {
    return apiError('010', [DEFAULT_MESSAGES['010']], context);
  }
  if (
    body.uniqueReference !== undefined &&
    compareVersions(terminal.appVersion, MIN_UNIQUE_REFERENCE_VERSION) < 0
  ) {
    return apiError('002', ['uniqueReference requires payment app 5.0.3 or later on the terminal'], context);
  }
  if (body.uniqueReference !== undefined) {
    const existing = runtime.engine.view(body.uniqueReference);
    if (existing) {
      const code = duplicateCode(existing.status);
      return apiError(code, [DEFAULT_MESSAGES[code]], context);
    }
  }
  const amountCents = toCents(body.amount) as number;
  const magic = runtime.config.magicAmounts ? findMagicAmount(amountCents) : null;
  const injected = takePushFault(runtime);
  if (injected === '100' || magic?.scenario.pushError === '100') {
    return apiError('100', [DEFAULT_MESSAGES['100']], context);
  }
  if (
    !terminal.online ||
    terminal.behaviour === 'offline' ||
    injected === '101' ||
    magic?.scenario.pushError
  ) {
    return apiError('101', [DEFAULT_MESSAGES['101']], context);
  }
  const uniqueReference = body.uniqueReference ?? runtime.ids.generatedReference();
  const request = runtime.engine.create({
    uniqueReference,
    merchantReference: body.uniqueReference !== undefined,
    apiVersion: version,
    identifier: body.identifier,
    serialNumber: body.serialNumber,
    amountCents,
    tipCents: body.tip === undefined ? 0 : (toCents(body.tip) as number),
    description: body.description ?? null,
    msi: body.msi ?? 0,
    ttlSeconds: body.ttl ?? DEFAULT_TTL_SECONDS,
    showNotification: body.showNotification === true || body.showNotification === 'true',
    extras: body.extras ?? {},
    magic: magic ? `.${String(magic.cents).padStart(2, '0')}` : null,
  });
  const reply: ApiReply = {
    status: 201,
    body:
      runtime.config.pushResponseBody === 'empty'
        ? null
        : { message: PUSH_SUCCESS_MESSAGE, responseCode: '000', uniqueReference },
    responseCode: null,
    serialNumber: body.serialNumber,
    uniqueReference,
  };
  const response = magic?.scenario.response ?? 'none';
  if (response === 'early-webhook' && request.terminalState === 'on-screen') {
    const approved = runtime.engine.approve(uniqueReference);
    if (approved.ok) await approved.value.webhook;
  } else if (response === 'lost') {
    reply.wire = { kind: 'lost' };
  } else if (response === 'slow') {
    reply.wire = { kind: 'slow', simulatedMs: SLOW_RESPONSE_MS };
  }
  return reply;
}

interface NormalisedPush {
  serialNumber: string;
  amount: number;
  identifier: string;
  tip?: number;
  description?: string;
  uniqueReference?: string;
  showNotification?: boolean | 'true' | 'false';
  ttl?: number;
  msi?: number;
  extras?: { autoPaymentEnabled?: boolean; timerFinishTRX?: number; enableDialogTip?: boolean };
}

/** V1 and V2 validated into one shape; V1 has no uniqueReference, ttl, msi or extras (§2.1, §8 #22). */
function normalise(
  schemas: Schemas,
  version: 'v1' | 'v2',
  json: unknown,
): { ok: true; value: NormalisedPush } | { ok: false; messages: string[] } {
  if (version === 'v2') return validate(schemas.pushV2, json);
  const v1 = validate(schemas.pushV1, json);
  if (!v1.ok) return v1;
  const { serial_number: serialNumber, mode: _mode, ...rest } = v1.value;
  return { ok: true, value: { ...rest, serialNumber } };
}
