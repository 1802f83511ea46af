/**
 * The desktop vault's logic, with a FAKE safeStorage injected: the Electron binary cannot run on this
 * machine, so `fakeSafeStorage` stands in for Electron's object (a reversible XOR "cipher" that is
 * visibly not the plain text). Files are real, in a fresh temporary data directory.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeStorageVault } from '../../../app/infra/security/safe-storage-vault';
import { fakeSafeStorage } from '../../support/fake-safe-storage';
import { freshDataDir } from '../../support/web-shell';

const KEY = 'kushki-live-key-0123456789abcdef';

describe('SafeStorageVault (fake safeStorage injected)', () => {
  it('stores ciphertext only, in a 0600 file, and reads it back', () => {
    const dataDir = freshDataDir('caja-vault-');
    const vault = new SafeStorageVault(dataDir, fakeSafeStorage(), 'linux');
    const outcome = vault.set('kushki.apiKey', KEY);
    expect(outcome).toEqual({
      outcome: 'stored',
      status: { set: true, last4: 'cdef', storage: 'safeStorage' },
    });
    const file = join(dataDir, 'secrets', 'kushki.apiKey.enc');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).toString('latin1')).not.toContain(KEY);
    expect(vault.get('kushki.apiKey')).toBe(KEY);
    vault.clear('kushki.apiKey');
    expect(vault.describe('kushki.apiKey')).toEqual({ set: false, last4: null, storage: 'safeStorage' });
  });

  it.each([
    ['basic_text backend on Linux', { backend: 'basic_text' }, 'basic_text'],
    ['encryption unavailable', { available: false }, 'encryption_unavailable'],
  ] as const)(
    '%s: stores nothing without consent, then a 0600 plaintext file with a warning',
    (_, fake, reason) => {
      const dataDir = freshDataDir('caja-vault-');
      const vault = new SafeStorageVault(dataDir, fakeSafeStorage(fake), 'linux');
      expect(vault.set('kushki.apiKey', KEY)).toEqual({ outcome: 'needs_consent', reason });
      expect(vault.describe('kushki.apiKey').set).toBe(false);
      const stored = vault.set('kushki.apiKey', KEY, { allowPlaintext: true });
      expect(stored).toEqual({
        outcome: 'stored',
        status: { set: true, last4: 'cdef', storage: 'file', warning: 'plaintext_fallback' },
      });
      expect(statSync(join(dataDir, 'secrets', 'kushki.apiKey.txt')).mode & 0o777).toBe(0o600);
      expect(vault.get('kushki.apiKey')).toBe(KEY);
    },
  );

  it('trusts basic_text only on Linux, where the backend question means something', () => {
    const vault = new SafeStorageVault(
      freshDataDir('caja-vault-'),
      fakeSafeStorage({ backend: 'basic_text' }),
      'darwin',
    );
    expect(vault.set('relay.streamToken', 'token-123456789').outcome).toBe('stored');
  });

  it('replacing a plaintext fallback with an encrypted value removes the plaintext file', () => {
    const dataDir = freshDataDir('caja-vault-');
    const fake = fakeSafeStorage({ available: false });
    const vault = new SafeStorageVault(dataDir, fake, 'linux');
    vault.set('kushki.apiKey', 'old-plain-key-1111', { allowPlaintext: true });
    fake.available = true;
    vault.set('kushki.apiKey', KEY);
    expect(vault.describe('kushki.apiKey')).toEqual({ set: true, last4: 'cdef', storage: 'safeStorage' });
    expect(() => statSync(join(dataDir, 'secrets', 'kushki.apiKey.txt'))).toThrow();
  });

  it('reads an undecryptable ciphertext (another keychain) as not set, never throws', () => {
    const dataDir = freshDataDir('caja-vault-');
    const fake = fakeSafeStorage();
    const vault = new SafeStorageVault(dataDir, fake, 'linux');
    vault.set('kushki.apiKey', KEY);
    fake.decryptString = () => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    };
    expect(vault.get('kushki.apiKey')).toBeUndefined();
    expect(vault.describe('kushki.apiKey').set).toBe(false);
    // A stray temporary file from a crash mid-write is not a secret.
    writeFileSync(join(dataDir, 'secrets', 'relay.streamToken.enc.tmp'), 'partial');
    expect(vault.describe('relay.streamToken').set).toBe(false);
  });
});
