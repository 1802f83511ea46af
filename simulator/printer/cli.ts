// `npm run printer:fake`: a fake network receipt printer on 127.0.0.1 (default port 9100) that prints
// every ticket it receives to stdout as text, with its cuts and drawer pulses. Point Caja at it in
// Oficina → Configuración → Impresora (red, 127.0.0.1, the port shown) to see a ticket without paper.
import { startFakePrinter } from './fake-printer';

const USAGE = 'Usage: npm run printer:fake -- [--port <n>]   (default 9100; 0 picks a free port)';

function portArg(argv: string[]): number | null {
  const index = argv.indexOf('--port');
  if (index === -1) return 9100;
  const port = Number(argv[index + 1]);
  return Number.isInteger(port) && port >= 0 && port < 65_536 ? port : null;
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = portArg(argv);
  if (port === null) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  startFakePrinter({ port }).then(
    (printer) => {
      process.stdout.write(`Fake printer listening at 127.0.0.1:${printer.port}\n`);
      let count = 0;
      printer.onJob((job) => {
        count += 1;
        process.stdout.write(`\n──── ticket ${count} (${job.bytes.length} bytes) ────\n${job.text}\n`);
      });
      const stop = () => void printer.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`Could not start the fake printer: ${String(error)}\n`);
      process.exit(1);
    },
  );
}

main();
