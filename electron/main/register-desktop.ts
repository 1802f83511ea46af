/**
 * The desktop as a joined register (issue 17): after «Unirse a una caja principal» the data
 * directory holds `register-link.json` and the credential in the desktop's vault, and the next start
 * opens no store of its own. The windows talk IPC as always; the register client forwards every call
 * over the pinned-TLS link to the store server (app/host/register-client.ts, the web shell's register
 * mode too). No Kushki key or relay credential lives here.
 */
import { app, BrowserWindow } from 'electron';
import { nodeTimers } from '../../app/host/node-timers';
import { startRegisterClient } from '../../app/host/register-client';
import type { RegisterLink } from '../../app/infra/registers/register-join';
import type { Logger } from '../../app/ports/logger.port';
import { setupIpcTransport } from './ipc-transport';

/** Starts the link and the IPC transport in front of it; returns the window lock and the stop. */
export function startDesktopRegister(options: {
  joined: { link: RegisterLink; credential: string };
  rendererIndexUrl: string;
  logger: Logger;
}): { lockOnLastWindow: () => void; stop: () => void } {
  const client = startRegisterClient({ ...options.joined, timers: nodeTimers, logger: options.logger });
  const stopIpc = setupIpcTransport({
    core: client,
    rendererIndexUrl: options.rendererIndexUrl,
    logger: options.logger,
    windows: () => BrowserWindow.getAllWindows(),
  });
  options.logger.info('register mode', {
    registerId: options.joined.link.registerId,
    serverUrl: options.joined.link.serverUrl,
    version: app.getVersion(),
  });
  return {
    lockOnLastWindow: () => client.lockSession(),
    stop: () => {
      stopIpc();
      client.close();
    },
  };
}
