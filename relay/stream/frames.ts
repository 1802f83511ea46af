// Serialising relay → client frames: the signed envelope of PROTOCOL.md §3 and the event body.
import { randomUUID } from 'node:crypto';
import { signMessage } from '../protocol/signature';
import type { StoredEvent } from '../storage/storage';

/** A signed envelope around `body`; non-event frames get a fresh `msg_` id. */
export function signedFrame(signingKey: string | Buffer, body: string, id?: string): string {
  const frameId = id ?? 'msg_' + randomUUID().replaceAll('-', '');
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = signMessage(signingKey, frameId, timestamp, body);
  return JSON.stringify({ id: frameId, timestamp, signature, body });
}

/**
 * The event body. The stored payload is already compact JSON text, so it is spliced in rather than parsed and
 * re-serialised for every delivery.
 */
export function eventBody(e: StoredEvent, replay: boolean): string {
  const head = JSON.stringify({
    type: 'event',
    storeId: e.storeId,
    seq: e.seq,
    id: e.id,
    receivedAt: e.receivedAt,
    replay,
    bpSignature: e.bpSignature,
  });
  return `${head.slice(0, -1)},"payload":${e.payload}}`;
}
