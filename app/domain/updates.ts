/**
 * Self-update of the desktop app (issue 16, item 7): the manager's settings and the pure decisions
 * of when to look for an update and when to install one. See [Note: updates install at the next
 * start]. No I/O: app/services/updates/update-controller.service.ts applies these.
 */

/** Oficina → Configuración → Actualizaciones: off by default; the URL of a generic update server. */
export interface UpdateSettings {
  enabled: boolean;
  /** Where electron-builder's latest*.yml and the installers are served ('' when not set). */
  feedUrl: string;
}

/** A fresh store: no update is looked for until a manager turns it on and gives the URL. */
export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = { enabled: false, feedUrl: '' };

/** The longest feed URL the settings accept. */
export const UPDATE_FEED_URL_MAX = 300;

/**
 * An update server Caja may download installers from: https (or plain http on this PC's loopback,
 * for a local mirror or a test), no credentials, no query or fragment. The installer's sha512 in
 * latest.yml is what proves the file (electron-updater checks it); TLS keeps a network from swapping
 * both the yml and the installer.
 */
export function isValidUpdateFeedUrl(url: string): boolean {
  if (url.length === 0 || url.length > UPDATE_FEED_URL_MAX || !URL.canParse(url)) return false;
  const parsed = new URL(url);
  const loopback = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
  const scheme = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback);
  return (
    scheme && parsed.username === '' && parsed.password === '' && parsed.search === '' && parsed.hash === ''
  );
}

/** How often a running Caja looks for an update (it only downloads; installing waits for a start). */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * How long after a start an update downloaded in an earlier run may still install. Past it the
 * cashier is working: the update waits for the next start rather than closing Caja mid-sale.
 */
export const STARTUP_INSTALL_WINDOW_MS = 2 * 60 * 1000;

/** Why no check runs now. */
export type NoCheckReason = 'not_packaged' | 'disabled' | 'no_feed_url' | 'check_running';

/** Whether to ask the update server now, and where. */
export type UpdateCheckDecision = { check: true; feedUrl: string } | { check: false; reason: NoCheckReason };

/** Decides a check: only a packaged build, only when enabled with a valid URL, one at a time. */
export function updateCheckDecision(facts: {
  packaged: boolean;
  settings: UpdateSettings;
  checkRunning: boolean;
}): UpdateCheckDecision {
  // `npm start` runs from the source tree: electron-updater has nothing to replace there.
  if (!facts.packaged) return { check: false, reason: 'not_packaged' };
  if (!facts.settings.enabled) return { check: false, reason: 'disabled' };
  if (!isValidUpdateFeedUrl(facts.settings.feedUrl)) return { check: false, reason: 'no_feed_url' };
  if (facts.checkRunning) return { check: false, reason: 'check_running' };
  return { check: true, feedUrl: facts.settings.feedUrl };
}

/** An update that finished downloading (sha512 verified) in some run, as the marker file keeps it. */
export interface PendingUpdate {
  version: string;
  downloadedAt: number;
}

/** Why a verified download does not install now. */
export type NoInstallReason =
  /** Downloaded in this run: it installs at the next start. */
  | 'downloaded_this_run'
  /** The start-up window passed: the cashier may be at work. */
  | 'startup_window_passed'
  | 'disabled'
  /** A card payment is in flight or unconfirmed: quitting would leave it to the next start. */
  | 'payment_in_flight';

/** Whether the update just reported as downloaded installs now. */
export type InstallDecision =
  { install: true; version: string } | { install: false; reason: NoInstallReason };

/**
 * [Note: updates install at the next start]
 * An update downloads in the background whenever a check finds one (electron-updater verifies the
 * file's sha512 against latest.yml before it reports it downloaded) and is recorded as pending. It
 * installs only at a later start, within STARTUP_INSTALL_WINDOW_MS of it, when the same version is
 * reported downloaded again (from electron-updater's cache), no card payment is in flight or
 * unconfirmed, and a backup of the store was just taken (the backup comes after this decision: a
 * failed backup means no install). Anything else leaves it pending for the next start. Caja never
 * installs on quit (autoInstallOnAppQuit is off): a quit happens at any moment, a start is when the
 * store is opening.
 */
export function installDecision(facts: {
  settings: UpdateSettings;
  /** The version electron-updater just reported downloaded and verified. */
  downloaded: string;
  /** What the marker said when this run started (null: nothing was pending). */
  pendingAtStart: PendingUpdate | null;
  startedAt: number;
  now: number;
  salesWithPaymentInFlight: readonly number[];
}): InstallDecision {
  if (!facts.settings.enabled) return { install: false, reason: 'disabled' };
  if (facts.pendingAtStart?.version !== facts.downloaded)
    return { install: false, reason: 'downloaded_this_run' };
  if (facts.now - facts.startedAt > STARTUP_INSTALL_WINDOW_MS) {
    return { install: false, reason: 'startup_window_passed' };
  }
  if (facts.salesWithPaymentInFlight.length > 0) return { install: false, reason: 'payment_in_flight' };
  return { install: true, version: facts.downloaded };
}

/** A marker from an earlier run is stale once that version is the one running. */
export function pendingIsInstalled(pending: PendingUpdate | null, runningVersion: string): boolean {
  return pending !== null && pending.version === runningVersion;
}
