import { BrowserWindow } from 'electron';
import { mainWindowWebPreferences, type ShellBuild } from './shell-policy';

/**
 * Creates the main window: sandboxed, isolated, no Node in the page, the preload as the only bridge,
 * Developer Tools only outside a packaged build (see shell-policy.ts).
 */
export function createMainWindow(options: {
  preloadPath: string;
  rendererIndexUrl: string;
  build: ShellBuild;
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Caja',
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: mainWindowWebPreferences(options.preloadPath, options.build),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.rendererIndexUrl);
  return window;
}
