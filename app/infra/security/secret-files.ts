import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One file per secret under `<dataDir>/secrets/` (a 0700 folder), each written 0600 through a
 * temporary file and a rename, so a crash never leaves half a key and no other OS user can read it.
 * What the bytes are (ciphertext or plain text) is the caller's business.
 */
export class SecretFiles {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'secrets');
  }

  /** The path of `file` inside the secrets folder. */
  path(file: string): string {
    return join(this.dir, file);
  }

  read(file: string): Buffer | undefined {
    const path = this.path(file);
    return existsSync(path) ? readFileSync(path) : undefined;
  }

  write(file: string, bytes: Buffer): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const target = this.path(file);
    const temporary = `${target}.tmp`;
    writeFileSync(temporary, bytes, { mode: 0o600 });
    // writeFileSync's mode is masked by the umask and ignored for an existing file: set it explicitly.
    chmodSync(temporary, 0o600);
    renameSync(temporary, target);
  }

  remove(file: string): void {
    rmSync(this.path(file), { force: true });
  }
}

/** The last four characters of a secret, the most the renderer, a log or the audit may see. */
export function last4Of(value: string | undefined): string | null {
  return value ? value.slice(-4) : null;
}
