/**
 * Entry point of the web shell (`npm run start:web`): the core plus the built renderer, served on
 * 127.0.0.1. Prints exactly one line to stdout, the URL with its per-launch token; logs go to stderr.
 */
import { join } from 'node:path';
import { startStoreHost } from '../app/host/store-host';
import { platformUserDataDir, resolveDataDir } from '../app/host/data-dir';
import { kushkiUrlOverride } from '../app/host/environment';
import { createJsonLogger } from '../app/infra/log/json-logger';
import { parseWebShellArgs } from './args';
import { startWebHost } from './web-host';

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
  // The data directory's current store (demo or real), switchable at run time: see store-host.ts.
  const caja = await startStoreHost({
    dataDir,
    shell: 'web',
    logger,
    kushkiBaseUrl: kushkiUrlOverride({ flag: args.kushkiUrl, env: process.env.CAJA_KUSHKI_BASE_URL }),
  });
  const host = await startWebHost({
    core: caja.core,
    port: args.port,
    rendererDir: join(__dirname, '..', 'renderer'),
    logger,
  });
  process.stdout.write(`Caja listening at ${host.url}\n`);

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
