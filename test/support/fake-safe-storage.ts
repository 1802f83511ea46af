/**
 * A FAKE of Electron's `safeStorage`, for tests only: the Electron binary cannot run on the machines
 * where this project is built, so the desktop vault's logic is driven through this stand-in. Its
 * "cipher" is a reversible XOR behind a `v10` prefix (like Chromium's), visibly not the plain text.
 */
import type { SafeStorageApi } from '../../app/infra/security/safe-storage-vault';

/** A fake of Electron's safeStorage: `backend` and `available` are what a Linux desktop may report. */
export function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}) {
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  const fake: SafeStorageApi & { available: boolean; backend: string } = {
    available: options.available ?? true,
    backend: options.backend ?? 'gnome_libsecret',
    isEncryptionAvailable: () => fake.available,
    encryptString: (plain) => {
      if (!fake.available) throw new Error('Encryption is not available.');
      return Buffer.concat([Buffer.from('v10'), flip(Buffer.from(plain, 'utf8'))]);
    },
    decryptString: (encrypted) => {
      if (!fake.available) throw new Error('Decryption is not available.');
      return flip(encrypted.subarray(3)).toString('utf8');
    },
    getSelectedStorageBackend: () => fake.backend,
  };
  return fake;
}
