// [Note: bundled vs shipped dependencies]
// esbuild bundles every library the Node-side entry points import, except these. Electron is the
// runtime itself; better-sqlite3 is a native addon that electron-builder rebuilds for Electron's ABI
// inside the package. So package.json's `dependencies` (what electron-builder copies into app.asar)
// are exactly these minus electron, and every bundled library is a devDependency: shipping it in
// node_modules too would put each one in the package a second time (issue 16, item 6).
// test/unit/packaging/packaged-config.test.ts keeps the two lists in step.
import { readFileSync } from 'node:fs';

/** Modules the Node bundles require at run time instead of carrying them. */
export const BUNDLE_EXTERNALS = ['electron', 'better-sqlite3'];

/** Provided by the runtime, not by the package's node_modules. */
export const RUNTIME_PROVIDED = ['electron'];

/** esbuild's options for every Node-side bundle (scripts/build-node.mjs; the packaging test builds main with them). */
export function nodeBundleOptions() {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: BUNDLE_EXTERNALS,
    logLevel: 'warning',
    // The version is baked in: a packaged app has no package.json next to its bundle to read.
    define: { 'process.env.CAJA_VERSION': JSON.stringify(version) },
  };
}
