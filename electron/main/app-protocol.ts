import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, APP_SCHEME_DEFINITION, appProtocolAnswer } from './app-protocol-policy';

/** Declares app:// privileged. Electron allows this only before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
}

/** Serves the built renderer (dist/renderer, inside app.asar when packaged) on app://caja/. */
export function serveRendererOnAppScheme(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = appProtocolAnswer(request.method, request.url, rendererRoot);
    if (answer.status !== 200) return new Response(null, { status: answer.status, headers: answer.headers });
    try {
      const body = await readFile(answer.file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: answer.headers });
    } catch {
      return new Response(null, { status: 404, headers: answer.headers });
    }
  });
}
