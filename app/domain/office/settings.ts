/**
 * The manager's settings (issue 7, item 7): result types of the `office.settings.*`, `office.terminals.*`
 * and `office.users.*` channels, and the pure rules they share with the renderer. No Node imports.
 */
import type { StoreTimeZone } from '../store-time-zone';

import type { UpdateSettings } from '../updates';

/** Kushki environments: demo (in-process simulator), dev (Kushki's test host), live (real money). */
export type KushkiEnvironmentName = 'demo' | 'dev' | 'live';

/** The word the live switch must carry as proof that a person confirmed it (the UI asks first). */
export const LIVE_CONFIRMATION = 'PRODUCCIÓN';

/** The write-only secrets the manager can set or clear; none of them can be read back. */
export const SECRET_NAMES = ['kushki.apiKey', 'relay.streamToken', 'relay.signingKey'] as const;
/** One of {@link SECRET_NAMES}. */
export type SecretName = (typeof SECRET_NAMES)[number];

/** Where a secret is kept: encrypted by the OS (safeStorage) or in a 0600 file in the data dir. */
export type SecretStorage = 'safeStorage' | 'file';

/** Why the UI must warn about a stored secret. */
export type SecretWarning = 'web_unencrypted' | 'plaintext_fallback';

/** What the renderer may know about a secret: whether it is set and its last four characters. */
export interface SecretStatus {
  set: boolean;
  last4: string | null;
  storage: SecretStorage;
  warning?: SecretWarning | undefined;
}

/** Answer to setting a secret: stored, or the OS cannot encrypt it and the manager must accept plaintext. */
export type SecretSetOutcome =
  | { outcome: 'stored'; status: SecretStatus }
  | { outcome: 'needs_consent'; reason: 'basic_text' | 'encryption_unavailable' };

/** The store's details printed on the receipt header. */
export interface StoreDetails {
  name: string;
  /** Mexican RFC, upper case; empty when not given. */
  rfc: string;
  address: string;
}

/** How receipts are printed. */
export interface ReceiptOptions {
  footer: string;
  /** Whether the counter offers printing on the Kushki terminal by default after a sale. */
  printOnTerminal: boolean;
}

/** The environment Caja runs in now and the one configured for the next start. */
export interface EnvironmentView {
  running: KushkiEnvironmentName;
  configured: KushkiEnvironmentName;
  /** The environment is chosen at start-up: a change applies after a restart. */
  restartNeeded: boolean;
}

/** The store's relay (plain settings; its token and signing key are secrets). */
export interface RelaySettings {
  url: string;
  storeId: string;
}

/** Everything the settings screen shows. No secret value, no PIN hash. */
export interface SettingsOverview {
  store: StoreDetails;
  receipt: ReceiptOptions;
  /** The cashier's own discount limit in basis points (1000 = 10 %). */
  discountLimitBp: number;
  /** The store's time zone (issue 13). */
  timeZone: StoreTimeZone;
  environment: EnvironmentView;
  relay: RelaySettings;
  secrets: Record<SecretName, SecretStatus>;
  /** The desktop's self-update (the web shell saves it but never updates itself). */
  updates: UpdateSettings;
}

/** What a zero-risk get-status call for a reference that cannot exist tells about the connection. */
export type TerminalTestOutcome =
  /** Kushki answered "not found": the host is reachable and the key is accepted. */
  | 'ok'
  /** No key is configured: nothing was sent. */
  | 'no_key'
  /** Kushki refused the key (responseCode 001). */
  | 'auth_failed'
  /** Kushki refused for another reason (code in `responseCode`). */
  | 'refused'
  /** No answer: network error, timeout or 5xx. */
  | 'unreachable';

/** Result of testing a terminal's connection. */
export interface TerminalTestResult {
  serial: string;
  outcome: TerminalTestOutcome;
  responseCode: string | null;
}

/** A user as the manager's table shows it (never the PIN hash). */
export interface OfficeUser {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
  active: boolean;
  /** Locked after too many wrong PINs in a row, until a manager unlocks them (issue 11). */
  locked: boolean;
}

// The RFC's rule lives in app/domain/rfc.ts (the wizard uses it too); re-exported for the office.
export { isValidRfc, normalizeRfc } from '../rfc';

/** PINs: 4 to 8 digits. */
export const PIN_SHAPE = /^\d{4,8}$/;

/** Terminal serials: letters and digits only (cloud-terminal-api.md §2.2). */
export const SERIAL_SHAPE = /^[A-Za-z0-9]{1,40}$/;
