import type { Handlers } from '../dispatch';
import type { ShellKind } from '../contract';
import type { PreferencesService } from '../../services/preferences.service';

/** Handlers of the `app.*` and `settings.*` channels. */
export function appHandlers(deps: {
  preferences: PreferencesService;
  shell: ShellKind;
  version: string;
}): Pick<Handlers, 'app.info.get' | 'settings.language.set'> {
  return {
    'app.info.get': () => ({
      name: 'Caja',
      version: deps.version,
      shell: deps.shell,
      language: deps.preferences.language(),
      storeName: deps.preferences.storeName(),
    }),
    'settings.language.set': ({ language }) => deps.preferences.setLanguage(language),
  };
}
