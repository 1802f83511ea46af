/**
 * The manager's office, settings (issue 7, item 7): store and receipt details, the Kushki environment,
 * the write-only secrets (Kushki key, relay token and signing key), terminals and users. Every
 * `office.*` channel is `manager` (see [Note: the office needs a manager]). No channel here returns
 * a secret's value or a PIN hash. Result types live in app/domain/office/settings.ts.
 */
import type { TerminalView } from '../contract';
import type {
  EnvironmentView,
  KushkiEnvironmentName,
  OfficeUser,
  ReceiptOptions,
  RelaySettings,
  SecretName,
  SecretSetOutcome,
  SecretStatus,
  SettingsOverview,
  StoreDetails,
  TerminalTestResult,
} from '../../domain/office/settings';
import type { StoreTimeZone } from '../../domain/store-time-zone';
import type { UpdateSettings } from '../../domain/updates';

type Empty = Record<string, never>;
type Role = OfficeUser['role'];

export interface SettingsContract {
  /** Everything the settings screen shows: plain settings and each secret's status (never its value). */
  'office.settings.get': { policy: 'manager'; args: Empty; result: SettingsOverview };
  /** Receipt header: name, RFC (Mexican shape, or empty), address. */
  'office.settings.store.save': { policy: 'manager'; args: StoreDetails; result: StoreDetails };
  'office.settings.receipt.save': { policy: 'manager'; args: ReceiptOptions; result: ReceiptOptions };
  /** The store's time zone (one of Mexico's); every store day, report and receipt follows it at once. */
  'office.settings.timeZone.set': {
    policy: 'manager';
    args: { timeZone: StoreTimeZone };
    result: { timeZone: StoreTimeZone };
  };
  /** The cashier's own discount limit (basis points; above it a manager approves). */
  'office.settings.discountLimit.set': {
    policy: 'manager';
    args: { discountLimitBp: number };
    result: { discountLimitBp: number };
  };
  /** Chooses the environment for the next start; live needs `confirm: LIVE_CONFIRMATION`. */
  'office.settings.environment.set': {
    policy: 'manager';
    args: { environment: KushkiEnvironmentName; confirm?: string | undefined };
    result: EnvironmentView;
  };
  'office.settings.relay.save': { policy: 'manager'; args: RelaySettings; result: RelaySettings };
  /** The desktop's self-update: on/off and the generic update server (issue 16, item 7). */
  'office.settings.updates.save': { policy: 'manager'; args: UpdateSettings; result: UpdateSettings };
  /** Sets or replaces a write-only secret; `needs_consent` when only a plaintext file is possible. */
  'office.settings.secret.set': {
    policy: 'manager';
    args: { name: SecretName; value: string; allowPlaintext?: boolean | undefined };
    result: SecretSetOutcome;
  };
  'office.settings.secret.clear': { policy: 'manager'; args: { name: SecretName }; result: SecretStatus };
  'office.terminals.list': { policy: 'manager'; args: Empty; result: TerminalView[] };
  'office.terminals.add': {
    policy: 'manager';
    args: { serial: string; label: string };
    result: TerminalView[];
  };
  'office.terminals.rename': {
    policy: 'manager';
    args: { serial: string; label: string };
    result: TerminalView[];
  };
  'office.terminals.setDefault': { policy: 'manager'; args: { serial: string }; result: TerminalView[] };
  'office.terminals.remove': { policy: 'manager'; args: { serial: string }; result: TerminalView[] };
  /** A zero-risk get-status for a reference that cannot exist: proves the host and the key, never charges. */
  'office.terminals.test': { policy: 'manager'; args: { serial: string }; result: TerminalTestResult };
  /** Every user, active and not (never a PIN hash). */
  'office.users.list': { policy: 'manager'; args: Empty; result: OfficeUser[] };
  'office.users.add': {
    policy: 'manager';
    args: { name: string; role: Role; pin: string };
    result: OfficeUser;
  };
  'office.users.setPin': { policy: 'manager'; args: { userId: number; pin: string }; result: OfficeUser };
  'office.users.setRole': { policy: 'manager'; args: { userId: number; role: Role }; result: OfficeUser };
  /** Users are never deleted (sales reference them); a deactivated one leaves the sign-in picker. */
  'office.users.deactivate': { policy: 'manager'; args: { userId: number }; result: OfficeUser };
  /** Unlocks a user locked after too many wrong PINs (issue 11); audited. */
  'office.users.unlock': { policy: 'manager'; args: { userId: number }; result: OfficeUser };
}

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const SETTINGS_CHANNELS = [
  'office.settings.get',
  'office.settings.store.save',
  'office.settings.receipt.save',
  'office.settings.timeZone.set',
  'office.settings.discountLimit.set',
  'office.settings.environment.set',
  'office.settings.relay.save',
  'office.settings.updates.save',
  'office.settings.secret.set',
  'office.settings.secret.clear',
  'office.terminals.list',
  'office.terminals.add',
  'office.terminals.rename',
  'office.terminals.setDefault',
  'office.terminals.remove',
  'office.terminals.test',
  'office.users.list',
  'office.users.add',
  'office.users.setPin',
  'office.users.setRole',
  'office.users.deactivate',
  'office.users.unlock',
] as const satisfies readonly (keyof SettingsContract)[];
