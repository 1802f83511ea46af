// Builds better-sqlite3 for Electron's ABI into dist/native/electron-<version>/ (once per Electron
// version), apart from the Node build in node_modules that the tests and the web shell use: see the
// README's "Native module ABI". `npm start` calls it before launching; the release workflow runs it
// (`npm run electron:native`) before the `_electron` specs. Needs internet once (Electron's headers).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronSqliteBindingPath } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

/** The binding's path, built first when missing; exits the process when node-gyp fails. */
export function ensureElectronSqliteBinding() {
  const electronVersion = require('electron/package.json').version;
  const binding = electronSqliteBindingPath();
  if (existsSync(binding)) return binding;
  const nativeDir = dirname(binding);
  const workDir = join(nativeDir, 'better-sqlite3');
  cpSync(join('node_modules', 'better-sqlite3'), workDir, {
    recursive: true,
    filter: (src) => !src.includes(join('better-sqlite3', 'build')),
  });
  const gyp = process.env.npm_config_node_gyp;
  if (!gyp) {
    console.error(
      'Caja: run this through npm (npm start, npm run electron:native) so node-gyp can be found.',
    );
    process.exit(1);
  }
  const rebuilt = spawnSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: workDir, stdio: 'inherit' },
  );
  if (rebuilt.status !== 0) {
    console.error('Caja: could not build better-sqlite3 for Electron (see above).');
    process.exit(1);
  }
  mkdirSync(nativeDir, { recursive: true });
  writeFileSync(binding, readFileSync(join(workDir, 'build', 'Release', 'better_sqlite3.node')));
  return binding;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(ensureElectronSqliteBinding());
}
