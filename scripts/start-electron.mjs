// `npm start`: launch the desktop app. Where the Electron binary is missing (it cannot be downloaded
// on the machines this project is built on), say so and point at the web shell instead.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';
import { ensureElectronSqliteBinding } from './electron-native.mjs';

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
const binding = ensureElectronSqliteBinding();

const child = spawn(binary, ['.', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CAJA_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
