/**
 * Entry point of the web shell (`npm run start:web`): the core plus the built renderer, served on
 * 127.0.0.1. Prints exactly one line to stdout, the URL with its per-launch token; logs go to stderr.
 * With `--serve-registers` it also listens for registers over TLS (web/shell.ts); with `--join` it
 * pairs this data directory with a store server as a register and exits (web/join-command.ts).
 */
import { join } from 'node:path';
import { startStoreHost } from '../app/host/store-host';
import { platformUserDataDir, resolveDataDir } from '../app/host/data-dir';
import { kushkiUrlOverride } from '../app/host/environment';
import { createJsonLogger } from '../app/infra/log/json-logger';
import { parseWebShellArgs } from './args';
import { joinStoreServer } from './join-command';
import { startShellListeners } from './shell';

async function main(): Promise<void> {
  const logger = createJsonLogger();
  let args;
  try {
    args = parseWebShellArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const dataDir = resolveDataDir({
    flag: args.dataDir,
    env: process.env.CAJA_DATA_DIR,
    platformDefault: platformUserDataDir(),
  });
  if (args.join) {
    process.stdout.write(`${await joinStoreServer(dataDir, args.join, logger)}\n`);
    return;
  }
  // The data directory's current store (demo or real), switchable at run time: see store-host.ts.
  const caja = await startStoreHost({
    dataDir,
    shell: 'web',
    logger,
    kushkiBaseUrl: kushkiUrlOverride({ flag: args.kushkiUrl, env: process.env.CAJA_KUSHKI_BASE_URL }),
  });
  const host = await startShellListeners({
    core: caja.core,
    port: args.port,
    rendererDir: join(__dirname, '..', 'renderer'),
    dataDir,
    serveRegisters: args.serveRegisters,
    registers: () => caja.current().core.registers,
    logger,
  });
  process.stdout.write(`Caja listening at ${host.web.url}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await caja.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Caja could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
