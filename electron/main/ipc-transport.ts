import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_NAMES, INVOKE_CHANNELS } from '../../app/api/channels';
import type { HostedCore } from '../../app/host/store-host';
import type { Logger } from '../../app/ports/logger.port';
import { isAppPage } from './navigation-guard';

/**
 * Registers one `ipcMain.handle` per contract channel. Each call is checked to come from the main
 * frame of our own window showing our own page before it reaches the shared dispatch.
 */
export function setupIpcTransport(options: {
  core: HostedCore;
  rendererIndexUrl: string;
  logger: Logger;
  windows: () => BrowserWindow[];
}): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    const ownWindow = options.windows().some((w) => w.webContents.id === event.sender.id);
    return (
      ownWindow &&
      frame !== null &&
      frame === event.sender.mainFrame &&
      isAppPage(frame.url, options.rendererIndexUrl)
    );
  };

  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      if (!trusted(event)) {
        options.logger.warn('refused IPC from untrusted sender', { channel });
        return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
      }
      return options.core.dispatch(channel, args);
    });
  }

  // Events go to every window; the preload only lets listeners see contract event names.
  const unsubscribe = options.core.events.subscribe(({ event, payload }) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) return;
    for (const window of options.windows()) {
      if (!window.isDestroyed()) window.webContents.send(event, payload);
    }
  });

  return () => {
    unsubscribe();
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}
