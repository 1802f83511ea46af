// Reads a request body with a hard size cap, so a large or endless body costs at most `limit` bytes of
// memory. One reader for the relay's ingress and the simulator's API (issue 12): the relay stops at the
// limit and answers at once; the simulator drains an over-limit body (up to a hard cap) so its client can
// read the 002 answer, then drops the socket past the cap.
import type { IncomingMessage } from 'node:http';

/** The body, or why it could not be read. */
export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'aborted' };

/** How much of a body to keep, and what to do past that. */
export interface ReadBodyLimits {
  /** Bodies above this many bytes are `too_large`; at most this much is held in memory. */
  limit: number;
  /**
   * Without it, reading stops at `limit` (and a declared Content-Length above it is refused unread).
   * With it, an over-limit body is read to its end, kept bytes capped at `limit`, and the request is
   * destroyed (`aborted`) once more than `drainUpTo` bytes arrived.
   */
  drainUpTo?: number;
}

/** Collects the body of `req` within `limits`. Never rejects. */
export function readBody(req: IncomingMessage, limits: ReadBodyLimits): Promise<BodyResult> {
  const { limit, drainUpTo } = limits;
  const declared = Number(req.headers['content-length']);
  if (drainUpTo === undefined && Number.isFinite(declared) && declared > limit)
    return Promise.resolve({ ok: false, reason: 'too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult): void => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (drainUpTo === undefined) {
        if (size > limit) finish({ ok: false, reason: 'too_large' });
        else chunks.push(chunk);
      } else if (size > drainUpTo) {
        req.destroy();
        finish({ ok: false, reason: 'aborted' });
      } else if (size <= limit) {
        chunks.push(chunk);
      }
    };
    req.on('data', onData);
    req.on('end', () =>
      finish(size > limit ? { ok: false, reason: 'too_large' } : { ok: true, body: Buffer.concat(chunks) }),
    );
    req.on('error', () => finish({ ok: false, reason: 'aborted' }));
    req.on('close', () => finish({ ok: false, reason: 'aborted' }));
  });
}

/** Strict UTF-8 decoding: null for bytes that are not valid UTF-8 (never replacement characters). */
export function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
