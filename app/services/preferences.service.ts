import type { Language } from '../domain/language';
import type { Clock } from '../ports/clock.port';
import type { EventBus } from '../ports/event-bus.port';
import type { SettingsRepo } from '../ports/settings.port';

const LANGUAGE_KEY = 'ui.language';
const STORE_NAME_KEY = 'store.name';

/** The UI language (es-MX by default) and the store's display name. */
export class PreferencesService {
  constructor(
    private readonly settings: SettingsRepo,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  /** The chosen language; anything unexpected in the table falls back to es-MX. */
  language(): Language {
    return this.settings.getPublic(LANGUAGE_KEY) === 'en' ? 'en' : 'es-MX';
  }

  /** Stores the language and tells every window. */
  setLanguage(language: Language): { language: Language } {
    this.settings.setPublic(LANGUAGE_KEY, language, this.clock.now());
    this.events.emit('settings.language.changed', { language });
    return { language };
  }

  /** The store's name for headers and receipts. */
  storeName(): string {
    return this.settings.getPublic(STORE_NAME_KEY) ?? 'Abarrotes La Esperanza (demo)';
  }
}
