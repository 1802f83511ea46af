// The fuzz suite's seeded random source, on the one PRNG (common/random/prng.ts): a failure prints its seed.
import { createRandom, type Random } from '../../../../common/random/prng';

/** Typed draws from one seeded stream. */
export class Prng {
  private readonly random: Random;
  constructor(seed: number) {
    this.random = createRandom(seed);
  }
  /** Uniform in [0, 1). */
  next(): number {
    return this.random();
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  bytes(n: number): Buffer {
    return Buffer.from(Array.from({ length: n }, () => this.int(256)));
  }
  string(n: number): string {
    const alphabet = 'abcXYZ019 {}[]":,\\\u0000\u00e9\u{1f4b3}\n\t';
    return Array.from({ length: n }, () => this.pick([...alphabet])).join('');
  }
}
