// Bundles the Node-side entry points with esbuild. The preload is one CJS file because a sandboxed
// preload cannot require() local modules. Native and Electron modules stay external.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
  // The version is baked in: a packaged app has no package.json next to its bundle to read.
  define: { 'process.env.CAJA_VERSION': JSON.stringify(version) },
};

const entries = [
  { in: 'electron/main/main.ts', out: 'dist/electron/main.cjs' },
  { in: 'electron/preload/preload.ts', out: 'dist/electron/preload.cjs' },
  { in: 'web/host.ts', out: 'dist/web/host.cjs' },
  { in: 'app/host/users-cli-main.ts', out: 'dist/cli/users.cjs' },
  { in: 'app/host/catalog-cli-main.ts', out: 'dist/cli/catalog.cjs' },
  { in: 'simulator/cli.ts', out: 'dist/simulator/cli.cjs', optional: true },
  { in: 'relay/cli.ts', out: 'dist/relay/cli.cjs', optional: true },
  { in: 'simulator/printer/cli.ts', out: 'dist/simulator/printer-cli.cjs', optional: true },
];

await Promise.all(
  entries
    .filter((e) => !e.optional || existsSync(e.in))
    .map((e) => build({ ...common, entryPoints: [e.in], outfile: e.out })),
);
