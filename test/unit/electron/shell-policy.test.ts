import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  applicationMenuTemplate,
  mainWindowWebPreferences,
  menuLanguage,
  sqliteBindingFor,
  type ShellBuild,
} from '../../../electron/main/shell-policy';

const PACKAGED: ShellBuild = { packaged: true, platform: 'win32', language: 'es' };
const DEVELOPMENT: ShellBuild = { ...PACKAGED, packaged: false };

/** Every role in a menu template, submenus included. */
function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

const DEVELOPER_ROLES = ['toggleDevTools', 'reload', 'forceReload'];

describe('packaged builds have no Developer Tools (issue 11, finding 9)', () => {
  it('turns devTools off in a packaged build and keeps the window hardened either way', () => {
    for (const build of [PACKAGED, DEVELOPMENT]) {
      expect(mainWindowWebPreferences('/app/preload.cjs', build)).toMatchObject({
        preload: '/app/preload.cjs',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        devTools: !build.packaged,
      });
    }
  });

  it.each(['win32', 'linux', 'darwin'] as const)(
    'a packaged menu on %s has no developer item; a development one has them',
    (platform) => {
      const packaged = roles(applicationMenuTemplate({ ...PACKAGED, platform }));
      expect(packaged.filter((role) => DEVELOPER_ROLES.includes(role))).toEqual([]);
      expect(packaged).toEqual(expect.arrayContaining(['copy', 'paste', 'undo']));
      const development = roles(applicationMenuTemplate({ ...DEVELOPMENT, platform }));
      expect(development).toEqual(expect.arrayContaining(DEVELOPER_ROLES));
    },
  );

  it('labels the menu in es-MX by default and in English when the system prefers it', () => {
    expect(menuLanguage(['es-MX', 'en-US'])).toBe('es');
    expect(menuLanguage([])).toBe('es');
    expect(menuLanguage(['en-US'])).toBe('en');
    const labels = (build: ShellBuild) => applicationMenuTemplate(build).map((item) => item.label);
    expect(labels(PACKAGED)).toEqual(['Archivo', 'Edición', 'Ver', 'Ventana']);
    expect(labels({ ...PACKAGED, language: 'en' })).toEqual(['File', 'Edit', 'View', 'Window']);
  });
});

describe('the Electron-ABI better-sqlite3 binding (issue 16, item 6)', () => {
  const exists = (path: string) => path === '/dev/caja/better_sqlite3.node';

  it('is taken from CAJA_SQLITE_BINDING under npm start when the file exists', () => {
    expect(sqliteBindingFor({ packaged: false }, '/dev/caja/better_sqlite3.node', exists)).toBe(
      '/dev/caja/better_sqlite3.node',
    );
    expect(sqliteBindingFor({ packaged: false }, '/missing.node', exists)).toBeUndefined();
    expect(sqliteBindingFor({ packaged: false }, undefined, exists)).toBeUndefined();
  });

  it('is ignored in a packaged build: the variable cannot load a .node file into the trusted process', () => {
    expect(sqliteBindingFor({ packaged: true }, '/dev/caja/better_sqlite3.node', exists)).toBeUndefined();
  });
});
