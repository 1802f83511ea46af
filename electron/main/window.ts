import { BrowserWindow } from 'electron';

/** Creates the main window: sandboxed, isolated, no Node in the page, the preload as the only bridge. */
export function createMainWindow(options: { preloadPath: string; rendererIndexUrl: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Caja',
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.rendererIndexUrl);
  return window;
}
