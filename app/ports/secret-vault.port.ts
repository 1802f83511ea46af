import type { SecretName, SecretSetOutcome, SecretStatus } from '../domain/office/settings';

export type { SecretName, SecretSetOutcome, SecretStatus };

/**
 * Named secrets (the Kushki key, the relay's token and signing key) kept outside the database: in
 * Electron's safeStorage on the desktop, in a 0600 file in the web shell. `get` is for trusted infra
 * only (the Kushki client, the relay client); no channel returns what it gives.
 */
export interface SecretVault {
  /** The secret's value, for trusted infra only. */
  get(name: SecretName): string | undefined;
  /**
   * Stores or replaces a secret. When the OS cannot encrypt it, answers `needs_consent` and stores
   * nothing unless `allowPlaintext` says the manager accepted a plaintext file.
   */
  set(name: SecretName, value: string, options?: { allowPlaintext?: boolean }): SecretSetOutcome;
  clear(name: SecretName): void;
  /** Whether it is set, its last four characters, and where it is kept. */
  describe(name: SecretName): SecretStatus;
}
