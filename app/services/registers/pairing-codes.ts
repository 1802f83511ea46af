/**
 * The rules of the manager's one-time pairing code (issue 17, deliverable 2): one live code at a
 * time (a new one replaces the old), valid for PAIRING_CODE_TTL_MS, used at most once, and burnt
 * after PAIRING_MAX_WRONG_ATTEMPTS wrong tries. Kept in memory only: a restart of the store
 * server forgets it, which is the safe direction. See [Note: pairing code strength].
 */
import {
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  PAIRING_CODE_TTL_MS,
  PAIRING_MAX_WRONG_ATTEMPTS,
  formatPairingCode,
  type PairingCodeView,
} from '../../domain/registers';
import type { Clock } from '../../ports/clock.port';

/** Why a pairing attempt was refused; `ok` when the code matched and is now spent. */
export type RedeemOutcome = 'ok' | 'no_code' | 'expired' | 'used' | 'wrong_code' | 'too_many_attempts';

interface LiveCode {
  code: string;
  expiresAt: number;
  wrong: number;
  state: 'live' | 'used' | 'burnt';
}

/** What the rules need: time, and uniform random integers below a bound (node:crypto's randomInt). */
export interface PairingCodeDeps {
  clock: Clock;
  randomBelow: (bound: number) => number;
}

/** The store server's pairing code. */
export class PairingCodes {
  private current: LiveCode | null = null;

  constructor(private readonly deps: PairingCodeDeps) {}

  /** A fresh code; any previous one stops working. */
  create(): PairingCodeView {
    let code = '';
    for (let i = 0; i < PAIRING_CODE_LENGTH; i += 1) {
      code += PAIRING_CODE_ALPHABET[this.deps.randomBelow(PAIRING_CODE_ALPHABET.length)];
    }
    const expiresAt = this.deps.clock.now() + PAIRING_CODE_TTL_MS;
    this.current = { code, expiresAt, wrong: 0, state: 'live' };
    return { code: formatPairingCode(code), expiresAt };
  }

  /**
   * Spends the live code if `matches` accepts it. `matches` gets the canonical code and decides
   * (the transport compares a proof in constant time; it never sees the code travel).
   */
  redeem(matches: (code: string) => boolean): RedeemOutcome {
    const live = this.current;
    if (!live) return 'no_code';
    if (live.state === 'used') return 'used';
    if (live.state === 'burnt') return 'too_many_attempts';
    if (this.deps.clock.now() >= live.expiresAt) return 'expired';
    if (!matches(live.code)) {
      live.wrong += 1;
      if (live.wrong >= PAIRING_MAX_WRONG_ATTEMPTS) live.state = 'burnt';
      return 'wrong_code';
    }
    live.state = 'used';
    return 'ok';
  }
}
