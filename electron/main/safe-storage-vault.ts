import { safeStorage } from 'electron';
import { SafeStorageVault } from '../../app/infra/security/safe-storage-vault';

/**
 * The desktop app's vault: Electron's safeStorage (the OS keychain) over ciphertext files in the data
 * directory, asking before any plaintext fallback on Linux. Call after `app.whenReady()`: before it,
 * safeStorage reports encryption as unavailable on Linux.
 */
export function createDesktopVault(dataDir: string): SafeStorageVault {
  return new SafeStorageVault(dataDir, safeStorage);
}
