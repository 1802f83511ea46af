/**
 * What differs between a packaged Caja and a developer's run: Developer Tools and the reload items
 * exist only in development (issue 11, finding 9). Pure, with type-only Electron imports, so the
 * decision is unit-tested without the Electron binary; window.ts and main.ts apply it.
 */
import type { MenuItemConstructorOptions, WebPreferences } from 'electron';

/** The facts the policy depends on, read from Electron's `app` by the caller. */
export interface ShellBuild {
  /** `app.isPackaged`: true in an installed build, false under `npm start`. */
  packaged: boolean;
  platform: NodeJS.Platform;
  /** The menu's language: es-MX by default, English when the system asks for it. */
  language: 'es' | 'en';
}

/** The main window's webPreferences: sandboxed, isolated, no Node, Developer Tools only when not packaged. */
export function mainWindowWebPreferences(preloadPath: string, build: ShellBuild): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // Without this a packaged build opens DevTools on Ctrl+Shift+I and the page's JS is one console away.
    devTools: !build.packaged,
  };
}

const LABELS = {
  es: {
    file: 'Archivo',
    edit: 'Edición',
    view: 'Ver',
    window: 'Ventana',
    quit: 'Salir',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    resetZoom: 'Tamaño real',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    fullscreen: 'Pantalla completa',
    minimize: 'Minimizar',
    close: 'Cerrar ventana',
    reload: 'Recargar',
    forceReload: 'Forzar recarga',
    devTools: 'Herramientas de desarrollo',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    quit: 'Quit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullscreen: 'Full screen',
    minimize: 'Minimize',
    close: 'Close window',
    reload: 'Reload',
    forceReload: 'Force reload',
    devTools: 'Developer tools',
  },
} as const;

/**
 * Caja's own application menu. Electron's default menu carries Toggle Developer Tools and Reload
 * in every build, so Caja always sets this one: edit and zoom for the counter, and the developer
 * items only when not packaged.
 */
export function applicationMenuTemplate(build: ShellBuild): MenuItemConstructorOptions[] {
  const t = LABELS[build.language];
  const developer: MenuItemConstructorOptions[] = build.packaged
    ? []
    : [
        { type: 'separator' },
        { role: 'reload', label: t.reload },
        { role: 'forceReload', label: t.forceReload },
        { role: 'toggleDevTools', label: t.devTools },
      ];
  const menu: MenuItemConstructorOptions[] = [
    { label: t.file, submenu: [{ role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      // The roles keep the shortcuts (Cmd+C on macOS has no other source) in the PIN and search fields.
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullscreen },
        ...developer,
      ],
    },
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    },
  ];
  // macOS shows the first menu under the app's name: Electron's appMenu role fills it (About, Quit).
  return build.platform === 'darwin' ? [{ role: 'appMenu' }, ...menu.slice(1)] : menu;
}

/** The menu's language from the system's preferred languages (Electron's app.getPreferredSystemLanguages). */
export function menuLanguage(preferred: readonly string[]): 'es' | 'en' {
  return preferred[0]?.toLowerCase().startsWith('en') ? 'en' : 'es';
}

/**
 * The better-sqlite3 binary to load instead of the one in node_modules. `npm start` builds one for
 * Electron's ABI and passes it in CAJA_SQLITE_BINDING; a packaged build carries its own (rebuilt by
 * electron-builder) and ignores the variable, which would otherwise let anyone who can set an
 * environment variable load any `.node` file into the trusted process (issue 16, item 6).
 */
export function sqliteBindingFor(
  build: Pick<ShellBuild, 'packaged'>,
  fromEnvironment: string | undefined,
  exists: (path: string) => boolean,
): string | undefined {
  if (build.packaged) return undefined;
  return fromEnvironment && exists(fromEnvironment) ? fromEnvironment : undefined;
}
