/**
 * Electron main process: the trusted side. It owns the database, the Kushki key (in safeStorage),
 * the network and the relay connection. One `setupX()` per concern, wired here.
 */
import { printOnOsPrinter } from './os-printer';
import { app, BrowserWindow, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startStoreHost } from '../../app/host/store-host';
import { createUpdateController } from '../../app/host/update-host';
import { resolveDataDir } from '../../app/host/data-dir';
import { kushkiUrlOverride } from '../../app/host/environment';
import { createJsonLogger } from '../../app/infra/log/json-logger';
import { ensurePrivateDataDir } from '../../app/host/data-dir';
import { acquireDataDirLock, type DataDirLock } from '../../app/host/data-dir-lock';
import { describeStartupFailure } from '../../app/host/startup-failure';
import { logsDirIn, openFileLog } from '../../app/infra/log/file-log';
import type { Logger } from '../../app/ports/logger.port';
import { showStartupFailure } from './startup-failure';
import { setupIpcTransport } from './ipc-transport';
import { saveShownReceiptAsPdf } from './receipt-pdf';
import { setupDownloads } from './downloads';
import { setupApplicationMenu } from './menu';
import { menuLanguage, sqliteBindingFor, type ShellBuild } from './shell-policy';
import { APP_INDEX_URL } from './app-protocol-policy';
import { registerAppScheme, serveRendererOnAppScheme } from './app-protocol';
import { electronAppUpdater } from './auto-update';
import { setupSecurity } from './security';
import { createDesktopVault } from './safe-storage-vault';
import { createMainWindow } from './window';
import { parseMainArgs } from './main-args';
import { startDesktopRegister } from './register-desktop';
import { loadRegisterLink } from '../../app/infra/registers/register-link-file';

// stderr until the data directory's lock is held; then the log file too (see [Note: data directory lock]).
let logger: Logger = createJsonLogger();
let dataDirLock: DataDirLock | undefined;
const mainArgs = parseMainArgs(process.argv);

// app:// must be declared privileged before the app is ready (see app-protocol-policy.ts).
registerAppScheme();

// Two Caja windows on one database would be two cashiers on one drawer: focus the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // The page is app://caja/index.html, served from dist/renderer with the CSP header (issue 16).
  const rendererIndexUrl = APP_INDEX_URL;
  const preloadPath = join(__dirname, 'preload.cjs');
  // Set once the core runs; the last window closing locks the register before the app quits.
  let lockOnLastWindow: (() => void) | undefined;

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.whenReady().then(
    async () => {
      // Read once the app is ready (the system languages are known then).
      const build: ShellBuild = {
        packaged: app.isPackaged,
        platform: process.platform,
        language: menuLanguage(app.getPreferredSystemLanguages()),
      };
      serveRendererOnAppScheme(join(__dirname, '..', 'renderer'));
      setupSecurity(rendererIndexUrl);
      setupApplicationMenu(build);
      setupDownloads(rendererIndexUrl);
      const dataDir = resolveDataDir({
        flag: mainArgs.dataDir,
        env: process.env.CAJA_DATA_DIR,
        platformDefault: app.getPath('userData'),
      });
      ensurePrivateDataDir(dataDir);
      // The web shell may hold this folder; requestSingleInstanceLock only knows other desktops.
      dataDirLock = acquireDataDirLock(dataDir, 'electron');
      const fileLog = await openFileLog(dataDir);
      logger = createJsonLogger(fileLog.write);
      process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
      // A data directory that joined a store server is a register: no store of its own (issue 17).
      const joined = loadRegisterLink(dataDir, createDesktopVault(dataDir));
      if (joined) {
        const register = startDesktopRegister({ joined, rendererIndexUrl, logger });
        lockOnLastWindow = register.lockOnLastWindow;
        createMainWindow({ preloadPath, rendererIndexUrl, build });
        app.on('activate', () => {
          if (BrowserWindow.getAllWindows().length === 0)
            createMainWindow({ preloadPath, rendererIndexUrl, build });
        });
        app.on('will-quit', () => {
          register.stop();
          dataDirLock?.release();
          fileLog.close();
        });
        return;
      }
      // The data directory's current store (demo or real), switchable at run time: see store-host.ts.
      const caja = await startStoreHost({
        dataDir,
        shell: 'electron',
        logger,
        // The Electron-ABI build of better-sqlite3 from `npm start`; ignored when packaged.
        sqliteNativeBinding: sqliteBindingFor(build, process.env.CAJA_SQLITE_BINDING, existsSync),
        // Only ever called with the demo terminal's loopback URL; see app.demoTerminal.open.
        openExternal: (url) => shell.openExternal(url),
        saveReceiptPdf: saveShownReceiptAsPdf,
        // Receipts on a printer the OS has (USB and serial models, through their driver): issue 15.
        osPrint: printOnOsPrinter,
        // The Kushki key and relay credentials, encrypted by the OS keychain (asks before plaintext).
        vaultFor: (storeDir) => createDesktopVault(storeDir),
        kushkiBaseUrl: kushkiUrlOverride({
          flag: mainArgs.kushkiUrl,
          env: process.env.CAJA_KUSHKI_BASE_URL,
        }),
      });
      const core = caja.core;
      lockOnLastWindow = () => core.lockSession('last_window_closed');
      const stopIpc = setupIpcTransport({
        core,
        rendererIndexUrl,
        logger,
        windows: () => BrowserWindow.getAllWindows(),
      });
      createMainWindow({ preloadPath, rendererIndexUrl, build });
      // Looks for updates now and every few hours; installs only at a start (issue 16, item 7).
      const updates = createUpdateController({
        host: caja,
        dataDir,
        updater: electronAppUpdater(logger),
        packaged: app.isPackaged,
        logger,
      });
      updates.start();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0)
          createMainWindow({ preloadPath, rendererIndexUrl, build });
      });
      let quitting = false;
      app.on('will-quit', (event) => {
        if (quitting) return;
        // Close the demo servers and the database first; a payment in flight is safe in SQLite.
        quitting = true;
        event.preventDefault();
        updates.stop();
        stopIpc();
        void caja.close().finally(() => {
          dataDirLock?.release();
          fileLog.close();
          app.exit(0);
        });
      });
    },
    (error: unknown) => {
      logger.error('Caja failed to start', { error });
      // Released only when this process took it: a refused second start leaves the first's alone.
      dataDirLock?.release();
      const dataDir = resolveDataDir({
        flag: mainArgs.dataDir,
        env: process.env.CAJA_DATA_DIR,
        platformDefault: app.getPath('userData'),
      });
      showStartupFailure(describeStartupFailure(error, dataDir, logsDirIn(dataDir)));
      app.exit(1);
    },
  );

  app.on('window-all-closed', () => {
    // Issue 11: whoever opens the next window (macOS keeps the app; a slow quit) types a PIN.
    lockOnLastWindow?.();
    app.quit();
  });
}
