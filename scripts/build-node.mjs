// Bundles the Node-side entry points with esbuild. The preload is one CJS file because a sandboxed
// preload cannot require() local modules. Native and Electron modules stay external: see
// [Note: bundled vs shipped dependencies] in node-bundle.mjs.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { nodeBundleOptions } from './node-bundle.mjs';

const common = nodeBundleOptions();

const entries = [
  { in: 'electron/main/main.ts', out: 'dist/electron/main.cjs' },
  { in: 'electron/preload/preload.ts', out: 'dist/electron/preload.cjs' },
  { in: 'web/host.ts', out: 'dist/web/host.cjs' },
  { in: 'app/host/users-cli-main.ts', out: 'dist/cli/users.cjs' },
  { in: 'app/host/catalog-cli-main.ts', out: 'dist/cli/catalog.cjs' },
  { in: 'simulator/cli.ts', out: 'dist/simulator/cli.cjs', optional: true },
  { in: 'relay/cli.ts', out: 'dist/relay/cli.cjs', optional: true },
];

await Promise.all(
  entries
    .filter((e) => !e.optional || existsSync(e.in))
    .map((e) => build({ ...common, entryPoints: [e.in], outfile: e.out })),
);
