/**
 * The store's plain settings as the manager edits them: receipt header (name, RFC, address), receipt
 * options, the cashier's discount limit, the Kushki environment and the relay's address. Every
 * change is audited with its old and new value (none of these is a secret).
 */
import { fail, ok, type Result } from '../../../domain/result';
import {
  isValidRfc,
  LIVE_CONFIRMATION,
  normalizeRfc,
  type EnvironmentView,
  type KushkiEnvironmentName,
  type ReceiptOptions,
  type RelaySettings,
  type StoreDetails,
} from '../../../domain/office/settings';
import { STORE_TIME_ZONE_KEY, storeTimeZoneOf, type StoreTimeZone } from '../../../domain/store-time-zone';
import type { StoreKind } from '../../../domain/store-setup';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { SettingsRepo } from '../../../ports/settings.port';

/** Settings keys, shared with the readers elsewhere (preferences, create-core, boot). */
export const SETTING_KEYS = {
  storeName: 'store.name',
  storeRfc: 'store.rfc',
  storeAddress: 'store.address',
  receiptFooter: 'receipt.footer',
  receiptPrintOnTerminal: 'receipt.printOnTerminal',
  discountLimitBp: 'sales.discountLimitBp',
  environment: 'kushki.environment',
  relayUrl: 'relay.url',
  relayStoreId: 'relay.storeId',
} as const;

const DEFAULT_STORE_NAME = 'Abarrotes La Esperanza (demo)';
const DEFAULT_DISCOUNT_LIMIT_BP = 1000;

/** Reads the environment setting; anything unexpected means demo, where no real money can move. */
export function environmentSetting(value: string | undefined): KushkiEnvironmentName {
  return value === 'dev' || value === 'live' ? value : 'demo';
}

/** The receipt header and options as stored (also used by the receipts service). */
export function readStoreDetails(settings: SettingsRepo): StoreDetails & ReceiptOptions {
  return {
    name: settings.getPublic(SETTING_KEYS.storeName) ?? DEFAULT_STORE_NAME,
    rfc: settings.getPublic(SETTING_KEYS.storeRfc) ?? '',
    address: settings.getPublic(SETTING_KEYS.storeAddress) ?? '',
    footer: settings.getPublic(SETTING_KEYS.receiptFooter) ?? '',
    printOnTerminal: settings.getPublic(SETTING_KEYS.receiptPrintOnTerminal) === '1',
  };
}

/** The cashier's discount limit; a corrupt row reads as the 10 % default. */
export function readDiscountLimitBp(settings: SettingsRepo): number {
  const stored = Number(settings.getPublic(SETTING_KEYS.discountLimitBp) ?? DEFAULT_DISCOUNT_LIMIT_BP);
  return Number.isSafeInteger(stored) && stored >= 0 && stored <= 10_000 ? stored : DEFAULT_DISCOUNT_LIMIT_BP;
}

// A relay token travels in the stream's handshake: only TLS, or this PC's loopback (tests, a local relay).
const RELAY_URL = /^(https|wss):\/\/[^\s/]+(\/\S*)?$|^(http|ws):\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/\S*)?$/;

/** Store, receipt, discount, environment and relay settings. */
export class StoreSettingsService {
  constructor(
    private readonly deps: {
      settings: SettingsRepo;
      audit: AuditLog;
      clock: Clock;
      /** The environment Caja started in (boot chooses it once). */
      runningEnvironment: KushkiEnvironmentName;
      /** The real store keeps its books apart from the demo's simulator (see [Note: demo and real store]). */
      storeKind: StoreKind;
    },
  ) {}

  store(): StoreDetails {
    const { name, rfc, address } = readStoreDetails(this.deps.settings);
    return { name, rfc, address };
  }

  receipt(): ReceiptOptions {
    const { footer, printOnTerminal } = readStoreDetails(this.deps.settings);
    return { footer, printOnTerminal };
  }

  discountLimitBp(): number {
    return readDiscountLimitBp(this.deps.settings);
  }

  environment(): EnvironmentView {
    const configured = environmentSetting(this.deps.settings.getPublic(SETTING_KEYS.environment));
    const running = this.deps.runningEnvironment;
    return { running, configured, restartNeeded: running !== configured };
  }

  relay(): RelaySettings {
    return {
      url: this.deps.settings.getPublic(SETTING_KEYS.relayUrl) ?? '',
      storeId: this.deps.settings.getPublic(SETTING_KEYS.relayStoreId) ?? '',
    };
  }

  saveStore(details: StoreDetails, actor: number): Result<StoreDetails> {
    const rfc = normalizeRfc(details.rfc);
    if (rfc !== '' && !isValidRfc(rfc)) {
      return fail('validation_failed', 'Invalid RFC', { issues: [{ path: 'rfc', message: 'rfc_shape' }] });
    }
    const next = { name: details.name.trim(), rfc, address: details.address.trim() };
    if (!next.name) {
      return fail('validation_failed', 'Store name is required', {
        issues: [{ path: 'name', message: 'required' }],
      });
    }
    this.write('settings.store.saved', actor, this.store(), next, {
      [SETTING_KEYS.storeName]: next.name,
      [SETTING_KEYS.storeRfc]: next.rfc,
      [SETTING_KEYS.storeAddress]: next.address,
    });
    return ok(this.store());
  }

  saveReceipt(options: ReceiptOptions, actor: number): ReceiptOptions {
    const next = { footer: options.footer.trim(), printOnTerminal: options.printOnTerminal };
    this.write('settings.receipt.saved', actor, this.receipt(), next, {
      [SETTING_KEYS.receiptFooter]: next.footer,
      [SETTING_KEYS.receiptPrintOnTerminal]: next.printOnTerminal ? '1' : '0',
    });
    return this.receipt();
  }

  setDiscountLimit(discountLimitBp: number, actor: number): { discountLimitBp: number } {
    this.write('settings.discountLimit.set', actor, this.discountLimitBp(), discountLimitBp, {
      [SETTING_KEYS.discountLimitBp]: String(discountLimitBp),
    });
    return { discountLimitBp: this.discountLimitBp() };
  }

  /** Chooses the environment for the next start; live needs the confirmation word. */
  setEnvironment(
    environment: KushkiEnvironmentName,
    confirm: string | undefined,
    actor: number,
  ): Result<EnvironmentView> {
    if (environment === 'demo' && this.deps.storeKind === 'real') {
      // Simulated approvals would land in the real books; training happens in the demo store instead.
      return fail('validation_failed', 'A real store cannot use the demo environment', {
        issues: [{ path: 'environment', message: 'demo_in_real_store' }],
      });
    }
    if (environment === 'live' && confirm !== LIVE_CONFIRMATION) {
      return fail('forbidden', 'Switching to live needs an explicit confirmation.');
    }
    this.write('settings.environment.set', actor, this.environment().configured, environment, {
      [SETTING_KEYS.environment]: environment,
    });
    return ok(this.environment());
  }

  /**
   * The store's time zone (issue 13): every day boundary, report and receipt follows it. Changing it
   * later (a store that chose wrong in the wizard) re-reads every past day in the new zone; shifts and
   * sales keep their instants.
   */
  timeZone(): StoreTimeZone {
    return storeTimeZoneOf(this.deps.settings.getPublic(STORE_TIME_ZONE_KEY));
  }

  setTimeZone(zone: StoreTimeZone, actor: number): { timeZone: StoreTimeZone } {
    this.write('settings.timeZone.set', actor, this.timeZone(), zone, { [STORE_TIME_ZONE_KEY]: zone });
    return { timeZone: this.timeZone() };
  }

  saveRelay(relay: RelaySettings, actor: number): Result<RelaySettings> {
    const next = { url: relay.url.trim(), storeId: relay.storeId.trim() };
    if (next.url !== '' && !RELAY_URL.test(next.url)) {
      return fail('validation_failed', 'The relay URL must use TLS', {
        issues: [{ path: 'url', message: 'relay_url' }],
      });
    }
    this.write('settings.relay.saved', actor, this.relay(), next, {
      [SETTING_KEYS.relayUrl]: next.url,
      [SETTING_KEYS.relayStoreId]: next.storeId,
    });
    return ok(this.relay());
  }

  /** Writes rows and audits the change (old → new) in one go. */
  private write(
    action: string,
    actor: number,
    before: unknown,
    after: unknown,
    rows: Record<string, string>,
  ) {
    const now = this.deps.clock.now();
    for (const [key, value] of Object.entries(rows)) this.deps.settings.setPublic(key, value, now);
    this.deps.audit.append(
      { action, actorUserId: actor, subject: 'settings', details: { before, after } },
      now,
    );
  }
}
