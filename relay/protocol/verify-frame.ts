// The client-side half of frame handling, small enough for the app to reuse or copy: check the envelope, the
// signature and the body schema, in that order, and return errors as data.
import { frameSchema, serverBodySchema } from './messages';
import type { ServerBody } from './messages';
import { verifyMessage } from './signature';
import type { VerifyFailure } from './signature';

const KNOWN_TYPES = new Set(['ready', 'event', 'heartbeat', 'pong']);

/** Why a relay frame was refused by a client. */
export type FrameError =
  | { code: 'not_json' }
  | { code: 'bad_envelope' }
  | { code: 'bad_signature'; reason: VerifyFailure }
  | { code: 'bad_body' }
  | { code: 'unknown_type'; type: string }
  | { code: 'id_mismatch' };

/** Parses and verifies one relay text frame with the store's signing key. */
export function verifyFrame(
  signingKey: string,
  text: string,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): { ok: true; id: string; timestamp: number; body: ServerBody } | { ok: false; error: FrameError } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'not_json' } };
  }
  const frame = frameSchema.safeParse(raw);
  if (!frame.success) return { ok: false, error: { code: 'bad_envelope' } };
  const checked = verifyMessage(signingKey, frame.data, options);
  if (!checked.ok) return { ok: false, error: { code: 'bad_signature', reason: checked.reason } };
  let bodyRaw: unknown;
  try {
    bodyRaw = JSON.parse(frame.data.body);
  } catch {
    return { ok: false, error: { code: 'bad_body' } };
  }
  const body = serverBodySchema.safeParse(bodyRaw);
  if (!body.success) {
    // Forward compatibility: a signed body of a type this client does not know is skipped, not fatal.
    const type = (bodyRaw as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && !KNOWN_TYPES.has(type))
      return { ok: false, error: { code: 'unknown_type', type } };
    return { ok: false, error: { code: 'bad_body' } };
  }
  // An event's id is signed twice (frame id and body id); a mismatch means the frame was stitched together.
  if (body.data.type === 'event' && body.data.id !== frame.data.id)
    return { ok: false, error: { code: 'id_mismatch' } };
  return { ok: true, id: frame.data.id, timestamp: frame.data.timestamp, body: body.data };
}
