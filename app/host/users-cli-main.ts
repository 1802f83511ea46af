// Entry point of the recovery command (`npm run users -- …`, or `node dist/cli/users.cjs …`).
// Bundled to CommonJS by scripts/build-node.mjs. See users-cli.ts.
import { runUsersCli } from './users-cli';

try {
  process.exitCode = runUsersCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
} catch (error) {
  process.stderr.write(`users: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
