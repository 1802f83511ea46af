import type { Handlers } from '../../dispatch';
import type { CounterSettingsService } from '../../../services/office/settings/counter-settings.service';

/** What the counter settings handlers need. */
export interface CounterSettingsHandlersDeps {
  settings: CounterSettingsService;
  /** The manager signed in (the `manager` policy guarantees one inside office handlers). */
  manager: () => number;
}

/** Handlers of `office.settings.counter.*` (issue 14: open-price limit, scale-label layouts). */
export function counterSettingsHandlers(
  deps: CounterSettingsHandlersDeps,
): Pick<Handlers, 'office.settings.counter.get' | 'office.settings.counter.save'> {
  return {
    'office.settings.counter.get': () => deps.settings.get(),
    'office.settings.counter.save': (args) => deps.settings.save(args, deps.manager()),
  };
}
