import type { Handlers } from '../../dispatch';
import type { SettingsContract } from '../../office/settings.contract';
import type { OfficeDeps } from './office-deps';

/** Handlers of the office's settings channels. */
export function settingsHandlers(deps: OfficeDeps): Pick<Handlers, keyof SettingsContract> {
  void deps;
  return {};
}
