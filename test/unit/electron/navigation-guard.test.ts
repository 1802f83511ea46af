import { describe, expect, it } from 'vitest';
import { isAppPage } from '../../../electron/main/navigation-guard';

/** The index page as main.ts builds it (pathToFileURL of the bundled renderer). */
const OURS = 'file:///opt/Caja/resources/app.asar/dist/renderer/index.html';

describe('the navigation and IPC guard compares the whole URL', () => {
  it('accepts our page, also with a fragment', () => {
    expect(isAppPage(OURS, OURS)).toBe(true);
    expect(isAppPage(`${OURS}#/office`, OURS)).toBe(true);
    // The same page spelled with a dot segment is the same URL once parsed.
    expect(isAppPage('file:///opt/Caja/resources/app.asar/dist/x/../renderer/index.html', OURS)).toBe(true);
  });

  it.each([
    // Same path on another host (a UNC share on Windows): the old path-only check let it through.
    ['file://attacker.example/opt/Caja/resources/app.asar/dist/renderer/index.html'],
    ['file://127.0.0.1/opt/Caja/resources/app.asar/dist/renderer/index.html'],
    // Same path with a query, or credentials, is not the page we loaded.
    [`${OURS}?inject=1`],
    ['file://user:pw@/opt/Caja/resources/app.asar/dist/renderer/index.html'],
    // Other schemes and other files.
    ['http://127.0.0.1/opt/Caja/resources/app.asar/dist/renderer/index.html'],
    ['https://attacker.example/opt/Caja/resources/app.asar/dist/renderer/index.html'],
    ['file:///opt/Caja/resources/app.asar/dist/renderer/index.html.evil'],
    ['file:///opt/Caja/resources/app.asar/dist/renderer/other.html'],
    ['file:///tmp/index.html'],
    ['not a url'],
    [''],
  ])('refuses %s', (url) => {
    expect(isAppPage(url, OURS)).toBe(false);
  });
});
