// Entry point of the catalog command (`npm run catalog -- …`, or `node dist/cli/catalog.cjs …`).
// Bundled to CommonJS by scripts/build-node.mjs. See catalog-cli.ts.
import { runCatalogCli } from './catalog-cli';

runCatalogCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`catalog: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
