/**
 * The desktop vault's logic: each secret encrypted with Electron's safeStorage (the OS keychain: DPAPI,
 * Keychain, libsecret/kwallet) and its ciphertext kept in a 0600 file in the data directory.
 *
 * On Linux safeStorage may fall back to the `basic_text` backend, whose "encryption" uses a fixed,
 * public password; or encryption may be unavailable altogether. Then nothing is stored unless the
 * manager accepted a plaintext file (the channel answers `needs_consent`, the UI asks), as Element
 * Desktop does. The safeStorage object is injected (electron/main/safe-storage-vault.ts passes
 * Electron's), so this file never imports Electron and its logic is tested without the binary.
 */
import { last4Of, SecretFiles } from './secret-files';
import type {
  VaultSecretName,
  SecretSetOutcome,
  SecretStatus,
  SecretVault,
} from '../../ports/secret-vault.port';

/** The part of Electron's `safeStorage` this vault uses (Electron's object satisfies it). */
export interface SafeStorageApi {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent or irrelevant elsewhere. */
  getSelectedStorageBackend?(): string;
}

/** safeStorage-backed secrets with an explicit, consented plaintext fallback. */
export class SafeStorageVault implements SecretVault {
  private readonly files: SecretFiles;

  constructor(
    dataDir: string,
    private readonly safeStorage: SafeStorageApi,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.files = new SecretFiles(dataDir);
  }

  /** Why safeStorage cannot protect a secret here, or null when it can. */
  private encryptionProblem(): 'basic_text' | 'encryption_unavailable' | null {
    if (!this.safeStorage.isEncryptionAvailable()) return 'encryption_unavailable';
    if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return 'basic_text';
    }
    return null;
  }

  get(name: VaultSecretName): string | undefined {
    const encrypted = this.files.read(encryptedFile(name));
    if (encrypted) {
      try {
        return this.safeStorage.decryptString(encrypted) || undefined;
      } catch {
        // The keychain changed (another OS user, a reinstalled OS): the key must be set again.
        return undefined;
      }
    }
    return this.files.read(plainFile(name))?.toString('utf8') || undefined;
  }

  set(name: VaultSecretName, value: string, options: { allowPlaintext?: boolean } = {}): SecretSetOutcome {
    const problem = this.encryptionProblem();
    if (problem === null) {
      this.files.write(encryptedFile(name), this.safeStorage.encryptString(value));
      this.files.remove(plainFile(name));
    } else if (options.allowPlaintext) {
      this.files.write(plainFile(name), Buffer.from(value, 'utf8'));
      this.files.remove(encryptedFile(name));
    } else {
      return { outcome: 'needs_consent', reason: problem };
    }
    return { outcome: 'stored', status: this.describe(name) };
  }

  clear(name: VaultSecretName): void {
    this.files.remove(encryptedFile(name));
    this.files.remove(plainFile(name));
  }

  describe(name: VaultSecretName): SecretStatus {
    const value = this.get(name);
    const base = { set: value !== undefined, last4: last4Of(value) };
    if (this.files.read(plainFile(name))) {
      return { ...base, storage: 'file', warning: 'plaintext_fallback' };
    }
    return { ...base, storage: 'safeStorage' };
  }
}

function encryptedFile(name: VaultSecretName): string {
  return `${name}.enc`;
}

function plainFile(name: VaultSecretName): string {
  return `${name}.txt`;
}
