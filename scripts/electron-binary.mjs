// Finds the Electron binary WITHOUT require('electron'): that require tries to download the binary,
// which can only fail (and slowly) on machines with no internet.
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Electron executable's path, or undefined when the binary is not installed here. */
export function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  if (!relative && !process.env.ELECTRON_OVERRIDE_DIST_PATH) return undefined;
  const binary = join(distDir, relative || 'electron');
  return existsSync(binary) ? binary : undefined;
}

/** Where `npm start` keeps better-sqlite3 built for Electron's ABI (apart from the Node build in node_modules). */
export function electronSqliteBindingPath() {
  const { version } = require('electron/package.json');
  return join(process.cwd(), 'dist', 'native', `electron-${version}`, 'better_sqlite3.node');
}
