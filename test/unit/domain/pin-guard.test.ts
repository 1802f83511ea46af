import { describe, expect, it } from 'vitest';
import {
  afterWrongPin,
  FREE_ATTEMPTS,
  LOCK_AFTER_FAILURES,
  NO_FAILURES,
  pinDelayMs,
  pinGate,
  type PinFailures,
} from '../../../app/domain/pin-guard';

/** The state after `n` wrong PINs, each typed as soon as the gate opened. */
function wrongPins(n: number): { state: PinFailures; at: number } {
  let state = NO_FAILURES;
  let at = 1_000;
  for (let i = 0; i < n; i++) {
    const gate = pinGate(state, at);
    if (gate.kind === 'wait') at += gate.retryAfterMs;
    state = afterWrongPin(state, at);
  }
  return { state, at };
}

describe('the PIN gate of one user', () => {
  it('is free for the first wrong PINs, then waits 1 s doubling to 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9, 20].map(pinDelayMs)).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 60_000, 60_000]);
    const { state, at } = wrongPins(FREE_ATTEMPTS);
    expect(pinGate(state, at)).toEqual({ kind: 'wait', retryAfterMs: 1_000 });
    expect(pinGate(state, at + 999)).toEqual({ kind: 'wait', retryAfterMs: 1 });
    expect(pinGate(state, at + 1_000)).toEqual({ kind: 'open' });
  });

  it('locks at the tenth wrong PIN in a row, for good (no wait ends it)', () => {
    const nine = wrongPins(LOCK_AFTER_FAILURES - 1);
    expect(nine.state.lockedAt).toBeNull();
    const { state, at } = wrongPins(LOCK_AFTER_FAILURES);
    expect(state).toEqual({ failures: LOCK_AFTER_FAILURES, lastFailureAt: at, lockedAt: at });
    expect(pinGate(state, at + 365 * 86_400_000)).toEqual({ kind: 'locked' });
  });
});
