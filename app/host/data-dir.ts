import { chmodSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the data directory comes from, in order of precedence. */
export interface DataDirSources {
  flag?: string | undefined;
  env?: string | undefined;
  /** The platform's per-user application-data folder for Caja (Electron's `userData`). */
  platformDefault: string;
}

/** Picks the data directory: `--data-dir`, then `CAJA_DATA_DIR`, then the platform's user-data folder. */
export function resolveDataDir(sources: DataDirSources): string {
  const chosen = sources.flag?.trim() || sources.env?.trim() || sources.platformDefault;
  return chosen;
}

/**
 * The same folder Electron's `app.getPath('userData')` gives for an app named "Caja", computed
 * without Electron so the web shell and the desktop app share one store on the same machine.
 */
export function platformUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Caja');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Caja');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Caja');
}

/**
 * Creates the data directory if needed and makes it 0700 even when it already existed looser: it
 * holds the sales, the audit log and (in the web shell) the secrets. `mkdirSync`'s mode applies only
 * to folders it creates, hence the chmod. POSIX only; on Windows the profile folder's ACL protects it.
 */
export function ensurePrivateDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dataDir, 0o700);
}
