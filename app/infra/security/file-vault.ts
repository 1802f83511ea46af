import type {
  VaultSecretName,
  SecretSetOutcome,
  SecretStatus,
  SecretVault,
} from '../../ports/secret-vault.port';
import { last4Of, SecretFiles } from './secret-files';

/**
 * The web shell's vault: each secret in a 0600 file in the data directory, not encrypted (a browser
 * shell has no OS keychain to ask). The status carries a warning the settings screen shows.
 */
export class FileVault implements SecretVault {
  private readonly files: SecretFiles;

  constructor(dataDir: string) {
    this.files = new SecretFiles(dataDir);
  }

  get(name: VaultSecretName): string | undefined {
    return this.files.read(fileOf(name))?.toString('utf8') || undefined;
  }

  set(name: VaultSecretName, value: string): SecretSetOutcome {
    this.files.write(fileOf(name), Buffer.from(value, 'utf8'));
    return { outcome: 'stored', status: this.describe(name) };
  }

  clear(name: VaultSecretName): void {
    this.files.remove(fileOf(name));
  }

  describe(name: VaultSecretName): SecretStatus {
    const value = this.get(name);
    return { set: value !== undefined, last4: last4Of(value), storage: 'file', warning: 'web_unencrypted' };
  }
}

/** The plain-text file of a secret (names are a closed list of safe file names). */
export function fileOf(name: VaultSecretName): string {
  return `${name}.txt`;
}
