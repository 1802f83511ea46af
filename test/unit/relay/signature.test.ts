// Standard Webhooks signing and frame verification, including the specification's published test vector.
import { describe, expect, it } from 'vitest';
import {
  generateSigningKey,
  signMessage,
  signingKeyBytes,
  verifyFrame,
  verifyMessage,
} from '../../../relay/index';

// Published by Standard Webhooks / Svix for verifier implementations.
const VECTOR = {
  key: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('signMessage / verifyMessage', () => {
  it('reproduces the Standard Webhooks test vector exactly', () => {
    expect(signMessage(VECTOR.key, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    expect(verifyMessage(VECTOR.key, VECTOR, { nowSeconds: VECTOR.timestamp })).toEqual({ ok: true });
  });

  it('rejects a changed body, id or timestamp, and a foreign key', () => {
    const now = { nowSeconds: VECTOR.timestamp };
    expect(verifyMessage(VECTOR.key, { ...VECTOR, body: '{"test": 2432232315}' }, now)).toEqual({
      ok: false,
      reason: 'no_matching_signature',
    });
    expect(verifyMessage(VECTOR.key, { ...VECTOR, id: 'msg_other' }, now).ok).toBe(false);
    expect(verifyMessage(VECTOR.key, { ...VECTOR, timestamp: VECTOR.timestamp + 1 }, now).ok).toBe(false);
    expect(verifyMessage(generateSigningKey(), VECTOR, now).ok).toBe(false);
  });

  it('enforces the timestamp tolerance both ways', () => {
    const at = (nowSeconds: number): boolean => verifyMessage(VECTOR.key, VECTOR, { nowSeconds }).ok;
    expect(at(VECTOR.timestamp + 300)).toBe(true);
    expect(at(VECTOR.timestamp + 301)).toBe(false);
    expect(at(VECTOR.timestamp - 301)).toBe(false);
  });

  it('accepts any matching entry of a space-separated list (key rotation) and ignores other versions', () => {
    const sig = `v2,abc v1,AAAA ${VECTOR.signature}`;
    expect(
      verifyMessage(VECTOR.key, { ...VECTOR, signature: sig }, { nowSeconds: VECTOR.timestamp }).ok,
    ).toBe(true);
    const wrongVersion = VECTOR.signature.replace('v1,', 'v2,');
    expect(
      verifyMessage(VECTOR.key, { ...VECTOR, signature: wrongVersion }, { nowSeconds: VECTOR.timestamp }).ok,
    ).toBe(false);
  });

  it('generates 32-byte whsec_ keys and rejects malformed keys as data', () => {
    const key = generateSigningKey();
    expect(key).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(signingKeyBytes(key)?.length).toBe(32);
    expect(signingKeyBytes('whsec_not base64!')).toBeUndefined();
    expect(signingKeyBytes('whsec_AAAA')).toBeUndefined();
    expect(verifyMessage('whsec_###', VECTOR)).toEqual({ ok: false, reason: 'bad_key' });
  });
});

describe('verifyFrame', () => {
  const key = generateSigningKey();
  const now = 1_700_000_000;
  const frame = (id: string, body: unknown, sigKey = key): string => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return JSON.stringify({ id, timestamp: now, signature: signMessage(sigKey, id, now, text), body: text });
  };
  const event = {
    type: 'event',
    storeId: 'st_1',
    seq: 1,
    id: 'evt_1',
    receivedAt: 1,
    replay: false,
    bpSignature: 'absent',
    payload: { result: 'aprobada' },
  };

  it('returns the parsed body of a genuine frame', () => {
    const r = verifyFrame(key, frame('evt_1', event), { nowSeconds: now });
    expect(r.ok && r.body).toEqual(event);
  });

  it('refuses, as data, each way a frame can be wrong', () => {
    const codes = [
      verifyFrame(key, 'not json', { nowSeconds: now }),
      verifyFrame(key, JSON.stringify({ id: 'x' }), { nowSeconds: now }),
      verifyFrame(key, frame('evt_1', event, generateSigningKey()), { nowSeconds: now }),
      verifyFrame(key, frame('evt_1', '{bad', key), { nowSeconds: now }),
      verifyFrame(key, frame('evt_2', event), { nowSeconds: now }),
      verifyFrame(key, frame('m', { type: 'future-thing' }), { nowSeconds: now }),
      verifyFrame(key, frame('m', { type: 'event', seq: 'x' }), { nowSeconds: now }),
    ].map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual([
      'not_json',
      'bad_envelope',
      'bad_signature',
      'bad_body',
      'id_mismatch',
      'unknown_type',
      'bad_body',
    ]);
  });
});
