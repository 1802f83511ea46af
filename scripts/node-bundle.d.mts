import type { BuildOptions } from 'esbuild';

/** Modules the Node bundles require at run time instead of carrying them. */
export const BUNDLE_EXTERNALS: string[];

/** Provided by the runtime, not by the package's node_modules. */
export const RUNTIME_PROVIDED: string[];

/** esbuild's options for every Node-side bundle. */
export function nodeBundleOptions(): BuildOptions;
