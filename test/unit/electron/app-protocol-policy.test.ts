import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_SCHEME_DEFINITION,
  appProtocolAnswer,
  RENDERER_CSP,
} from '../../../electron/main/app-protocol-policy';
import { isAppPage } from '../../../electron/main/navigation-guard';

const ROOT = resolve('/opt/Caja/resources/app.asar/dist/renderer');

describe('the app:// scheme (issue 16, item 6)', () => {
  it('is standard and secure, and does not bypass the CSP', () => {
    expect(APP_SCHEME_DEFINITION).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    expect(APP_INDEX_URL).toBe('app://caja/index.html');
  });

  it('serves the renderer files with the CSP and the content type', () => {
    const index = appProtocolAnswer('GET', APP_INDEX_URL, ROOT);
    expect(index).toEqual({
      status: 200,
      file: join(ROOT, 'index.html'),
      headers: expect.objectContaining({
        'Content-Security-Policy': RENDERER_CSP,
        'Content-Type': 'text/html; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
      }),
    });
    expect(appProtocolAnswer('GET', 'app://caja/', ROOT)).toMatchObject({ file: join(ROOT, 'index.html') });
    expect(appProtocolAnswer('HEAD', 'app://caja/assets/index-abc.js', ROOT)).toMatchObject({
      status: 200,
      file: join(ROOT, 'assets', 'index-abc.js'),
      headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
    });
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).toContain("connect-src 'none'");
  });

  it.each([
    ['app://caja/%2e%2e/%2e%2e/secrets/kushki.apiKey'],
    ['app://caja/..%2f..%2f..%2fetc%2fpasswd'],
    ['app://caja/assets/..%2F..%2F..%2Fcaja.sqlite'],
    ['app://caja/..%5c..%5ccaja.sqlite'],
    ['app://caja/%00index.html'],
    ['app://other/index.html'],
    ['app://caja:8080/index.html'],
    ['app://user:pw@caja/index.html'],
    ['file:///opt/Caja/resources/app.asar/dist/renderer/index.html'],
  ])('never names a file outside the renderer for %s', (url) => {
    const answer = appProtocolAnswer('GET', url, ROOT);
    // The URL parser resolves %2e%2e at the root away (a file inside the root that does not exist).
    if (answer.status === 200) expect(answer.file.startsWith(ROOT + sep)).toBe(true);
    else expect(answer.status).toBe(404);
  });

  it.each([['app://caja/..%2f..%2fcaja.sqlite'], ['app://caja/..%5c..%5ccaja.sqlite'], ['app://caja/%00x']])(
    'refuses %s outright',
    (url) => expect(appProtocolAnswer('GET', url, ROOT).status).toBe(404),
  );

  it('answers a malformed escape with 400 and anything but GET or HEAD with 405', () => {
    expect(appProtocolAnswer('GET', 'app://caja/%E0%A4%A', ROOT).status).toBe(400);
    expect(appProtocolAnswer('POST', APP_INDEX_URL, ROOT)).toMatchObject({ status: 405 });
  });

  it('is the page the navigation and IPC guard accepts, fragment aside', () => {
    expect(isAppPage(`${APP_INDEX_URL}#/office`, APP_INDEX_URL)).toBe(true);
    expect(isAppPage('app://caja/other.html', APP_INDEX_URL)).toBe(false);
    expect(isAppPage('app://caja.evil/index.html', APP_INDEX_URL)).toBe(false);
    expect(isAppPage('file:///opt/Caja/resources/app.asar/dist/renderer/index.html', APP_INDEX_URL)).toBe(
      false,
    );
  });
});
