import { Menu } from 'electron';
import { applicationMenuTemplate, type ShellBuild } from './shell-policy';

/** Replaces Electron's default menu (which has Toggle Developer Tools in every build) with Caja's own. */
export function setupApplicationMenu(build: ShellBuild): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(build)));
}
