/**
 * The store server certificate's serial (issue 17): a random serial whose first byte came out 0x00
 * was encoded with illegal padding and the certificate could not be read back (a CI run failed on
 * it, 1 run in ~256). Every possible first byte must give a positive, minimally encoded INTEGER.
 */
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { certificateSerial } from '../../../app/infra/security/tls-identity';

describe('the certificate serial', () => {
  it('is positive and minimal DER whatever the first random byte, keeping the other 15', () => {
    for (let first = 0; first < 256; first += 1) {
      const random = Buffer.alloc(16, first === 0 ? 0x00 : 0x11);
      random[0] = first;
      const serial = certificateSerial(random);
      const der = Buffer.from(new asn1js.Integer({ valueHex: serial }).toBER(false));
      // Tag INTEGER, length 16, then the serial itself: no padding byte was needed or added.
      expect(der.subarray(0, 2).toString('hex')).toBe('0210');
      expect(der[2]).toBeGreaterThanOrEqual(0x01);
      expect(der[2]).toBeLessThan(0x80);
      expect(der.subarray(3).equals(random.subarray(1))).toBe(true);
    }
  });

  it('does not change the random bytes it was given', () => {
    const random = Buffer.alloc(16, 0);
    certificateSerial(random);
    expect(random.equals(Buffer.alloc(16, 0))).toBe(true);
  });
});
