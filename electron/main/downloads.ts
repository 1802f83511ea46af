import { app, session, type DownloadItem, type WebContents } from 'electron';
import { join } from 'node:path';
import { isAppPage } from './navigation-guard';

/**
 * Downloads in the desktop shell. The office's exports (Z report CSV/PDF) are built on the trusted
 * side, handed to the renderer, and saved from there with a Blob and an `<a download>`; Chromium
 * turns that click into a download, which Electron routes to the session's `will-download`.
 *
 * Only blob: downloads started by the app's own page are allowed (the page never fetches anything
 * else, and the CSP's connect-src stays 'none'); anything else is cancelled. Electron then shows
 * its save dialog, preset to the user's Downloads folder and the file's name, so the manager
 * chooses where a report goes. No navigation, CSP or sandbox setting is relaxed for this.
 */
export function setupDownloads(rendererIndexUrl: string): void {
  session.defaultSession.on('will-download', (_event, item: DownloadItem, contents: WebContents) => {
    const fromApp = isAppPage(contents.getURL(), rendererIndexUrl);
    if (!fromApp || !item.getURL().startsWith('blob:')) {
      item.cancel();
      return;
    }
    item.setSaveDialogOptions({
      defaultPath: join(app.getPath('downloads'), item.getFilename()),
    });
  });
}
