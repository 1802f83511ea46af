import { describe, expect, it } from 'vitest';
import {
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_TTL_MS,
  PAIRING_MAX_WRONG_ATTEMPTS,
  normalizePairingCode,
} from '../../../app/domain/registers';
import { PairingCodes } from '../../../app/services/registers/pairing-codes';
import { manualTime } from '../../support/manual-time';

function setUp() {
  const time = manualTime();
  let n = 0;
  // Deterministic "random": walks the alphabet, so each code differs from the last.
  const codes = new PairingCodes({ clock: time.clock, randomBelow: (bound) => n++ % bound });
  return { time, codes };
}

const is = (code: string) => (candidate: string) => candidate === normalizePairingCode(code);

describe('pairing codes', () => {
  it('are ten symbols of the unambiguous alphabet, shown as two groups of five', () => {
    const { codes, time } = setUp();
    const view = codes.create();
    expect(view.code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect([...normalizePairingCode(view.code)].every((c) => PAIRING_CODE_ALPHABET.includes(c))).toBe(true);
    expect(view.expiresAt).toBe(time.clock.now() + PAIRING_CODE_TTL_MS);
    expect(PAIRING_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('work once, typed in any case with or without the dash', () => {
    const { codes } = setUp();
    const { code } = codes.create();
    expect(codes.redeem(is(code.toLowerCase().replace('-', ' ')))).toBe('ok');
    expect(codes.redeem(is(code))).toBe('used');
  });

  it('expire after ten minutes, to the millisecond', () => {
    const justInTime = setUp();
    const first = justInTime.codes.create();
    justInTime.time.advance(PAIRING_CODE_TTL_MS - 1);
    expect(justInTime.codes.redeem(is(first.code))).toBe('ok');

    const late = setUp();
    const second = late.codes.create();
    late.time.advance(PAIRING_CODE_TTL_MS);
    expect(late.codes.redeem(is(second.code))).toBe('expired');
  });

  it('are burnt by the fifth wrong attempt: the right one is refused after it', () => {
    const { codes } = setUp();
    const { code } = codes.create();
    for (let i = 1; i < PAIRING_MAX_WRONG_ATTEMPTS; i += 1)
      expect(codes.redeem(() => false)).toBe('wrong_code');
    expect(codes.redeem(() => false)).toBe('wrong_code');
    expect(codes.redeem(is(code))).toBe('too_many_attempts');
  });

  it('a new code replaces the old one and starts a fresh count', () => {
    const { codes } = setUp();
    const first = codes.create();
    for (let i = 0; i < PAIRING_MAX_WRONG_ATTEMPTS; i += 1) codes.redeem(() => false);
    const second = codes.create();
    expect(second.code).not.toBe(first.code);
    expect(codes.redeem(is(first.code))).toBe('wrong_code');
    expect(codes.redeem(is(second.code))).toBe('ok');
  });

  it('without a code nothing pairs', () => {
    expect(setUp().codes.redeem(() => true)).toBe('no_code');
  });
});
