import type { SecretName, SecretSetOutcome, SecretStatus } from '../domain/office/settings';

export type { SecretName, SecretSetOutcome, SecretStatus };

/**
 * A secret only the host itself writes and reads, never the manager through a channel: a joined
 * register's credential for its store server (issue 17, [Note: register credentials]).
 */
export type HostSecretName = 'register.credential';

/** Every name a vault keeps: the manager's write-only secrets and the host's own. */
export type VaultSecretName = SecretName | HostSecretName;

/**
 * Named secrets (the Kushki key, the relay's token and signing key) kept outside the database: in
 * Electron's safeStorage on the desktop, in a 0600 file in the web shell. `get` is for trusted infra
 * only (the Kushki client, the relay client); no channel returns what it gives.
 */
export interface SecretVault {
  /** The secret's value, for trusted infra only. */
  get(name: VaultSecretName): string | undefined;
  /**
   * Stores or replaces a secret. When the OS cannot encrypt it, answers `needs_consent` and stores
   * nothing unless `allowPlaintext` says the manager accepted a plaintext file.
   */
  set(name: VaultSecretName, value: string, options?: { allowPlaintext?: boolean }): SecretSetOutcome;
  clear(name: VaultSecretName): void;
  /** Whether it is set, its last four characters, and where it is kept. */
  describe(name: VaultSecretName): SecretStatus;
}
