/**
 * Counter settings of issue 14 (open-price limit, scale-label layouts), read by the cart on every
 * use and edited in Oficina → Configuración. Every change is audited with its old and new value.
 */
import {
  openPriceLimitOf,
  scaleLabelsOf,
  scaleLabelsProblem,
  type CounterSettings,
} from '../../../domain/counter-settings';
import { fail, ok, type Result } from '../../../domain/result';
import type { ScaleLabelLayout } from '../../../domain/scale-label';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { SettingsRepo } from '../../../ports/settings.port';

/** Settings keys of the counter settings. */
export const COUNTER_SETTING_KEYS = {
  openPriceLimit: 'sales.openPriceLimitCentavos',
  scaleLabels: 'sales.scaleLabels',
} as const;

/** The open-price limit as stored (the cart reads it on each open-price item). */
export function readOpenPriceLimit(settings: SettingsRepo): number {
  return openPriceLimitOf(settings.getPublic(COUNTER_SETTING_KEYS.openPriceLimit));
}

/** The scale-label layouts as stored (the cart reads them on each scan of a 2x code). */
export function readScaleLabels(settings: SettingsRepo): ScaleLabelLayout[] {
  return scaleLabelsOf(settings.getPublic(COUNTER_SETTING_KEYS.scaleLabels));
}

/** Reads and saves the counter settings. */
export class CounterSettingsService {
  constructor(private readonly deps: { settings: SettingsRepo; audit: AuditLog; clock: Clock }) {}

  get(): CounterSettings {
    return {
      openPriceLimit: readOpenPriceLimit(this.deps.settings),
      scaleLabels: readScaleLabels(this.deps.settings),
    };
  }

  /** Saves both; a layout that cannot be read (digits that do not add up, a prefix twice) is refused. */
  save(next: CounterSettings, actor: number): Result<CounterSettings> {
    const problem = scaleLabelsProblem(next.scaleLabels);
    if (problem) {
      return fail('validation_failed', `Scale label layout: ${problem}`, {
        issues: [{ path: 'scaleLabels', message: problem }],
      });
    }
    const before = this.get();
    const now = this.deps.clock.now();
    const layouts = [...next.scaleLabels].sort((a, b) => a.prefix.localeCompare(b.prefix));
    this.deps.settings.setPublic(COUNTER_SETTING_KEYS.openPriceLimit, String(next.openPriceLimit), now);
    this.deps.settings.setPublic(COUNTER_SETTING_KEYS.scaleLabels, JSON.stringify(layouts), now);
    this.deps.audit.append(
      {
        action: 'settings.counter.saved',
        actorUserId: actor,
        subject: 'settings',
        details: { before, after: this.get() },
      },
      now,
    );
    return ok(this.get());
  }
}
