import type { Handlers } from '../dispatch';
import { fail, ok } from '../../domain/result';
import type { AppInfo, ShellKind } from '../contract';
import type { PreferencesService } from '../../services/preferences.service';

/** What the demo store lets the trainee and the trainer do (see app/host/demo-services.ts). */
export interface DemoControls {
  terminalPageUrl: string;
  setRelayOnline(online: boolean): Promise<void>;
}

const LOOPBACK_TERMINAL = /^http:\/\/127\.0\.0\.1:\d{1,5}\/terminal\/[A-Za-z0-9]{1,40}$/;

/** Handlers of the `app.*` and `settings.*` channels. */
export function appHandlers(deps: {
  preferences: PreferencesService;
  shell: ShellKind;
  version: string;
  environment: () => AppInfo['environment'];
  demo: () => DemoControls | null;
  /** The shell's way to open a page in the system browser (Electron's shell.openExternal). */
  openExternal?: ((url: string) => Promise<void>) | undefined;
  /** Which store is open (see [Note: demo and real store]). */
  store: () => AppInfo['store'];
}): Pick<
  Handlers,
  'app.info.get' | 'app.demoTerminal.open' | 'settings.language.set' | 'demo.relay.setOnline'
> {
  return {
    'app.info.get': () => ({
      name: 'Caja',
      version: deps.version,
      shell: deps.shell,
      language: deps.preferences.language(),
      storeName: deps.preferences.storeName(),
      environment: deps.environment(),
      demoTerminalUrl: deps.demo()?.terminalPageUrl ?? null,
      store: deps.store(),
      // The store server's own windows: a joined register's shell fills this in (web/register-mode).
      register: null,
    }),
    'app.demoTerminal.open': async () => {
      const url = deps.demo()?.terminalPageUrl;
      if (!url) return fail('not_found', 'Not in demo mode.');
      // Only the simulator's own loopback page: the renderer never chooses what main opens.
      if (!LOOPBACK_TERMINAL.test(url)) return fail('forbidden', 'Not a loopback terminal page.');
      if (!deps.openExternal) return fail('unavailable', 'This shell opens the link itself.');
      await deps.openExternal(url);
      return ok({ opened: true });
    },
    'settings.language.set': ({ language }) => deps.preferences.setLanguage(language),
    'demo.relay.setOnline': async ({ online }) => {
      const demo = deps.demo();
      if (!demo) return fail('not_found', 'Not in demo mode.');
      await demo.setRelayOnline(online);
      return ok({ online });
    },
  };
}
