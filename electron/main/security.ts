import { app, session, type WebContents } from 'electron';
import { isAppPage } from './navigation-guard';
import { RENDERER_CSP } from './app-protocol-policy';

/**
 * Hardening that applies to every window: deny all permission requests, block navigation away from
 * the app page, forbid new windows and <webview>, and send the CSP header. The app:// handler sets
 * the CSP on its own responses (app-protocol.ts); this covers any other response of the session.
 */
export function setupSecurity(rendererIndexUrl: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] },
    });
  });

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppPage(url, rendererIndexUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppPage(url, rendererIndexUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
