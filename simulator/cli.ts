// CLI entry (bundled to dist/simulator/cli.cjs): starts the simulator and prints exactly one line,
// `Simulator listening at http://127.0.0.1:<port>`. No top-level await: the bundle is CommonJS.
import { createSimulator } from './index';
import { parseArgs, USAGE } from './cli-args';

function main(): void {
  const parsed = parseArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n${USAGE}\n`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  createSimulator(parsed.options).then(
    (sim) => {
      process.stdout.write(`Simulator listening at ${sim.url}\n`);
      let closing = false;
      const stop = (): void => {
        if (closing) return;
        closing = true;
        sim.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      // Only the message: an options object could hold the token.
      process.stderr.write(`simulator failed to start: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}

main();
