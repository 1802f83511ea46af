/**
 * The manager's update settings (issue 16, item 7): whether the desktop looks for updates and the
 * generic server it reads them from. Plain settings in the store's database, audited like the rest;
 * the desktop's update controller reads them at every check. See app/domain/updates.ts.
 */
import { fail, ok, type Result } from '../../../domain/result';
import { DEFAULT_UPDATE_SETTINGS, isValidUpdateFeedUrl, type UpdateSettings } from '../../../domain/updates';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { SettingsRepo } from '../../../ports/settings.port';

/** The settings rows. */
export const UPDATE_SETTING_KEYS = { enabled: 'updates.enabled', feedUrl: 'updates.feedUrl' } as const;

/** The update settings as stored; a missing or odd row reads as the default (off). */
export function readUpdateSettings(settings: SettingsRepo): UpdateSettings {
  return {
    enabled: settings.getPublic(UPDATE_SETTING_KEYS.enabled) === '1',
    feedUrl: settings.getPublic(UPDATE_SETTING_KEYS.feedUrl) ?? DEFAULT_UPDATE_SETTINGS.feedUrl,
  };
}

/** Reads and saves the update settings. */
export class UpdateSettingsService {
  constructor(private readonly deps: { settings: SettingsRepo; audit: AuditLog; clock: Clock }) {}

  get(): UpdateSettings {
    return readUpdateSettings(this.deps.settings);
  }

  /** Saves both; a URL must be a valid update server, and turning updates on needs one. */
  save(next: UpdateSettings, actor: number): Result<UpdateSettings> {
    const feedUrl = next.feedUrl.trim();
    if ((feedUrl !== '' || next.enabled) && !isValidUpdateFeedUrl(feedUrl)) {
      return fail('validation_failed', 'The update server URL must use https://', {
        issues: [{ path: 'feedUrl', message: 'update_url' }],
      });
    }
    const before = this.get();
    const now = this.deps.clock.now();
    this.deps.settings.setPublic(UPDATE_SETTING_KEYS.enabled, next.enabled ? '1' : '0', now);
    this.deps.settings.setPublic(UPDATE_SETTING_KEYS.feedUrl, feedUrl, now);
    this.deps.audit.append(
      {
        action: 'settings.updates.saved',
        actorUserId: actor,
        subject: 'settings',
        details: { before, after: { enabled: next.enabled, feedUrl } },
      },
      now,
    );
    return ok(this.get());
  }
}
