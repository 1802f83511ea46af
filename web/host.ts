/**
 * Entry point of the web shell (`npm run start:web`): the core plus the built renderer, served on
 * 127.0.0.1. Prints exactly one line to stdout: the URL with its per-launch token, or, when Caja
 * cannot start, `Caja could not start: <reason> (see <url>)` with a page there that says what to do
 * (the shell stays up serving it until stopped, then exits 1). Logs go to `<data-dir>/logs/` and stderr.
 * With `--serve-registers` it also listens for registers over TLS (web/shell.ts); with `--join` it
 * pairs this data directory with a store server as a register and exits (app/infra/registers/join-store-server.ts); a
 * data directory that has joined starts in register mode (web/register-mode.ts): no store of its
 * own, every call forwarded to the store server.
 */
import { join } from 'node:path';
import { startStoreHost, type StoreHost } from '../app/host/store-host';
import { ensurePrivateDataDir, platformUserDataDir, resolveDataDir } from '../app/host/data-dir';
import { acquireDataDirLock, type DataDirLock } from '../app/host/data-dir-lock';
import { kushkiUrlOverride } from '../app/host/environment';
import { describeStartupFailure } from '../app/host/startup-failure';
import { createJsonLogger } from '../app/infra/log/json-logger';
import { logsDirIn, openFileLog, type FileLogSink } from '../app/infra/log/file-log';
import type { Logger } from '../app/ports/logger.port';
import { parseWebShellArgs } from './args';
import { serveFailurePage } from './failure-page';
import { joinStoreServer } from '../app/infra/registers/join-store-server';
import { FileVault } from '../app/infra/security/file-vault';
import { loadRegisterLink } from '../app/infra/registers/register-link-file';
import { JoinError } from '../app/infra/registers/register-join';
import { startRegisterMode, type RegisterMode } from './register-mode';
import { startShellListeners, type ShellListeners } from './shell';
import { describeRegisterServer } from './register-server-info';

/** What a refused `--join` prints: a JoinError's own words (never a code or a credential), else its name. */
function joinRefusal(error: unknown): string {
  return error instanceof JoinError ? error.message : error instanceof Error ? error.name : 'unknown error';
}

async function main(): Promise<void> {
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
  let logger: Logger = createJsonLogger();
  let fileLog: FileLogSink | undefined;
  let lock: DataDirLock | undefined;
  let caja: StoreHost | undefined;
  let host: ShellListeners | undefined;
  let register: RegisterMode | undefined;
  const rendererDir = join(__dirname, '..', 'renderer');
  let stopFailurePage: (() => Promise<void>) | undefined;
  try {
    ensurePrivateDataDir(dataDir);
    // See [Note: data directory lock]: first, before the log file or the database is opened.
    lock = acquireDataDirLock(dataDir, 'web');
    fileLog = await openFileLog(dataDir);
    logger = createJsonLogger(fileLog.write);
    logger.info('web shell starting', { pid: process.pid, version: process.env.CAJA_VERSION ?? 'dev' });
    if (args.join) {
      // Pairing writes this data directory's register link and credential, so it holds the lock too.
      // A one-shot command: a refusal is one line and exit 1, not a failure page left running.
      const joined = await joinStoreServer(dataDir, args.join, logger).then(
        (line) => ({ ok: true, line }),
        (error: unknown) => ({ ok: false, line: `Caja could not join: ${joinRefusal(error)}` }),
      );
      process.stdout.write(`${joined.line}\n`);
      lock.release();
      fileLog.close();
      if (!joined.ok) process.exit(1);
      return;
    }
    // A data directory that joined a store server is a register: no store of its own (issue 17).
    const joined = loadRegisterLink(dataDir, new FileVault(dataDir));
    if (joined) {
      if (args.serveRegisters) throw new Error('A joined register cannot serve registers.');
      register = await startRegisterMode({ ...joined, port: args.port, rendererDir, logger });
      process.stdout.write(`Caja listening at ${register.web.url}\n`);
    } else {
      // The data directory's current store (demo or real), switchable at run time: see store-host.ts.
      const store = await startStoreHost({
        dataDir,
        shell: 'web',
        logger,
        kushkiBaseUrl: kushkiUrlOverride({ flag: args.kushkiUrl, env: process.env.CAJA_KUSHKI_BASE_URL }),
        // The office's Cajas tab asks per call; the listener starts just below, after the store.
        registerServer: () => describeRegisterServer(host?.registers),
      });
      caja = store;
      host = await startShellListeners({
        core: store.core,
        port: args.port,
        rendererDir,
        dataDir,
        serveRegisters: args.serveRegisters,
        registers: () => store.current().core.registers,
        logger,
      });
      process.stdout.write(`Caja listening at ${host.web.url}\n`);
    }
  } catch (error) {
    logger.error('Caja could not start', { error });
    await caja?.close().catch(() => undefined);
    // Only a process that holds the lock releases it (a refused second start must not free the first's).
    lock?.release();
    const failure = describeStartupFailure(error, dataDir, logsDirIn(dataDir));
    process.stderr.write(`Caja could not start: ${failure.technical}\n`);
    try {
      const page = await serveFailurePage(failure, args.port);
      stopFailurePage = page.close;
      process.stdout.write(`Caja could not start: ${failure.title} (see ${page.url})\n`);
    } catch {
      // The port is taken (often by the Caja that holds the lock): the stderr line is all there is.
      process.stdout.write(`Caja could not start: ${failure.title}\n`);
      process.exit(1);
    }
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (stopFailurePage) {
      await stopFailurePage();
      process.exit(1);
    }
    await host?.close();
    await register?.close();
    await caja?.close();
    lock?.release();
    fileLog?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // Errors nobody awaited: logged (with the stack, in the file) rather than lost.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
}

main().catch((error: unknown) => {
  process.stderr.write(`Caja could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
