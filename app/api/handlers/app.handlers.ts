import type { Handlers } from '../dispatch';
import type { AppInfo, ShellKind } from '../contract';
import type { PreferencesService } from '../../services/preferences.service';

/** Handlers of the `app.*` and `settings.*` channels. */
export function appHandlers(deps: {
  preferences: PreferencesService;
  shell: ShellKind;
  version: string;
  environment: () => AppInfo['environment'];
  demo: () => { terminalPageUrl: string } | null;
}): Pick<Handlers, 'app.info.get' | 'settings.language.set'> {
  return {
    'app.info.get': () => ({
      name: 'Caja',
      version: deps.version,
      shell: deps.shell,
      language: deps.preferences.language(),
      storeName: deps.preferences.storeName(),
      environment: deps.environment(),
      demoTerminalUrl: deps.demo()?.terminalPageUrl ?? null,
    }),
    'settings.language.set': ({ language }) => deps.preferences.setLanguage(language),
  };
}
