// Realistic-looking identifiers: numeric transaction ids like the illustrative "123456789", six-character
// authorization codes, last-four digits and EMV fields per brand.
import type { CardBrand } from '../types';
import { randomInt, randomString, type Random } from '../../common/random/prng';

const ALNUM_UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';

/** EMV application id and label per brand (fictional but well-formed). */
export const BRAND_EMV: Record<CardBrand, { aid: string; applabel: string; last4Prefix: string }> = {
  VISA: { aid: 'A0000000031010', applabel: 'VISA CREDITO', last4Prefix: '4' },
  MASTERCARD: { aid: 'A0000000041010', applabel: 'MASTERCARD DEBITO', last4Prefix: '5' },
  CARNET: { aid: 'A0000004711010', applabel: 'CARNET DEBITO', last4Prefix: '6' },
  'AMERICAN EXPRESS': { aid: 'A00000002501', applabel: 'AMERICAN EXPRESS', last4Prefix: '3' },
  SODEXO: { aid: 'A0000004711020', applabel: 'SODEXO VALES', last4Prefix: '7' },
  'SI VALE': { aid: 'A0000004711030', applabel: 'SI VALE', last4Prefix: '7' },
  EDENRED: { aid: 'A0000004711040', applabel: 'EDENRED TICKET', last4Prefix: '7' },
};

/** Generator of simulator identifiers from one seeded random source. */
export class IdFactory {
  private nextTransaction: number;

  constructor(private readonly random: Random) {
    this.nextTransaction = randomInt(random, 100_000_000, 800_000_000);
  }

  /** A 9-digit numeric transaction id, increasing like a processor's sequence. */
  transactionId(): string {
    this.nextTransaction += randomInt(this.random, 1, 97);
    return String(this.nextTransaction);
  }

  /** A six-character authorization code. */
  authorization(): string {
    return randomString(this.random, ALNUM_UPPER, 6);
  }

  /** Last four digits of a PAN of the given brand. */
  last4(brand: CardBrand): string {
    return BRAND_EMV[brand].last4Prefix + randomString(this.random, '0123456789', 3);
  }

  /** A 16-hex-digit ARQC cryptogram. */
  arqc(): string {
    return randomString(this.random, HEX, 16).toUpperCase();
  }

  /** A reference for requests the client sent without one (V1, or V2 without uniqueReference; §8 #21). */
  generatedReference(): string {
    return `sim-${randomString(this.random, HEX, 16)}`;
  }

  /** A unique id for a webhook event or delivery. */
  eventId(prefix: string): string {
    return `${prefix}_${randomString(this.random, HEX, 12)}`;
  }
}
