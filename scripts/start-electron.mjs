// `npm start`: launch the desktop app. Where the Electron binary is missing (it cannot be downloaded
// on the machines this project is built on), say so and point at the web shell instead.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { electronBinary, electronSqliteBindingPath } from './electron-binary.mjs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

const binary = electronBinary();
if (!binary) {
  console.error(
    'Caja: the Electron binary is not installed on this machine, so the desktop app cannot open.\n' +
      'Run the same app in your browser instead:  npm run start:web',
  );
  process.exit(1);
}

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

// better-sqlite3 in node_modules is built for the Node that runs the tests. Electron needs a build
// for its own ABI; keep it apart (dist/native) so `npm test` and `npm start` never fight over it.
const electronVersion = require('electron/package.json').version;
const binding = electronSqliteBindingPath();
const nativeDir = dirname(binding);
if (!existsSync(binding)) {
  const workDir = join(nativeDir, 'better-sqlite3');
  cpSync(join('node_modules', 'better-sqlite3'), workDir, {
    recursive: true,
    filter: (src) => !src.includes(join('better-sqlite3', 'build')),
  });
  const gyp = process.env.npm_config_node_gyp;
  if (!gyp) {
    console.error('Caja: run this through `npm start` so node-gyp can be found.');
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
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CAJA_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
