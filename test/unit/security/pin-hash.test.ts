import { describe, expect, it } from 'vitest';
import { hashPin, hashPinSync, verifyPin } from '../../../app/infra/security/pin-hash';

describe('PIN hashing', () => {
  it('hashes and verifies off the calling thread: both answer promises (issue 11)', async () => {
    const hashing = hashPin('4321');
    expect(hashing).toBeInstanceOf(Promise);
    const stored = await hashing;
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    const verifying = verifyPin('4321', stored);
    expect(verifying).toBeInstanceOf(Promise);
    await expect(verifying).resolves.toBe(true);
    await expect(verifyPin('1234', stored)).resolves.toBe(false);
  });

  it('reads the seed’s synchronous hash the same way, and never matches a malformed one', async () => {
    await expect(verifyPin('1111', hashPinSync('1111'))).resolves.toBe(true);
    await expect(verifyPin('1111', 'plain$1111')).resolves.toBe(false);
    await expect(verifyPin('1111', '')).resolves.toBe(false);
  });
});
