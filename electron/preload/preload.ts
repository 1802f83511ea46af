/**
 * The sandboxed preload: exposes exactly the contract as `window.caja` and nothing else. Bundled to
 * one CJS file because a sandboxed preload cannot require local modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, INVOKE_CHANNELS, isChannel, isEventName } from '../../app/api/channels';
import type { CajaApi } from '../../app/api/contract';

const api: CajaApi = {
  invoke(channel, args) {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_channel', message: 'Not in the contract' },
      });
    }
    return ipcRenderer.invoke(channel, args);
  },
  on(event, listener) {
    if (!isEventName(event)) return () => undefined;
    // The IPC event object never reaches the page: it carries `sender`, a path back into Electron.
    const wrapped = (_ipcEvent: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  channels: Object.freeze([...INVOKE_CHANNELS]),
  events: Object.freeze([...EVENT_NAMES]),
};

contextBridge.exposeInMainWorld('caja', api);
