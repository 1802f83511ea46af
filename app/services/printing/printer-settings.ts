/**
 * The printer settings as stored (key/value rows, like every store setting) and their change, audited
 * old → new. A corrupt row reads as its default: a bad value can never stop a sale.
 *
 * [Note: a printer per register]
 * Each register has its own printer and drawer on its own counter (issue 17). Register 0, the store
 * server's own counter, keeps the rows it always had (`printer.kind`, …) so a store that upgrades
 * keeps its printer; register N reads and writes `printer.N.kind`, …, and starts with no printer (it
 * never inherits register 0's, which stands on another counter). The logo is the store's, one row for
 * every register. A remote register's printer is reached from the server over the LAN, so it can only
 * be a network printer: an OS printer on the register's PC is out of the server's reach.
 */
import {
  DEFAULT_PRINTER_SETTINGS,
  isPrinterLogo,
  type PrinterLogo,
  type PaperWidth,
  type PrinterKind,
  type PrinterSettings,
} from '../../domain/printer';
import type { AuditLog } from '../../ports/audit.port';
import type { Clock } from '../../ports/clock.port';
import type { SettingsRepo } from '../../ports/settings.port';
import { fail, ok, type Result } from '../../domain/result';
import { SERVER_REGISTER_ID } from '../../domain/registers';

/** The settings rows of register 0's printer (the rows every store had before issue 17). */
export const PRINTER_KEYS = {
  kind: 'printer.kind',
  host: 'printer.host',
  port: 'printer.port',
  osName: 'printer.osName',
  paperWidth: 'printer.paperWidth',
  autoPrint: 'printer.autoPrint',
  drawer: 'printer.drawer',
  logo: 'printer.logo',
} as const;

/** The per-register rows (the logo is the store's: see [Note: a printer per register]). */
export type PrinterKeys = Record<Exclude<keyof typeof PRINTER_KEYS, 'logo'>, string>;

/** The settings rows of `registerId`'s printer: register 0 keeps the old keys. */
export function printerKeys(registerId: number): PrinterKeys {
  if (registerId === SERVER_REGISTER_ID) return PRINTER_KEYS;
  const key = (name: string) => `printer.${registerId}.${name}`;
  return {
    kind: key('kind'),
    host: key('host'),
    port: key('port'),
    osName: key('osName'),
    paperWidth: key('paperWidth'),
    autoPrint: key('autoPrint'),
    drawer: key('drawer'),
  };
}

/** The printer kinds a register may use: only the server's own counter can reach an OS printer. */
export function kindsFor(registerId: number): readonly PrinterKind[] {
  return registerId === SERVER_REGISTER_ID ? ['none', 'network', 'os'] : ['none', 'network'];
}

/** `registerId`'s printer settings; anything unexpected (or not allowed there) reads as the default. */
export function readPrinterSettings(settings: SettingsRepo, registerId: number): PrinterSettings {
  const d = DEFAULT_PRINTER_SETTINGS;
  const keys = printerKeys(registerId);
  const get = (key: string) => settings.getPublic(key);
  const kind = get(keys.kind) as PrinterKind | undefined;
  const port = Number(get(keys.port) ?? d.port);
  const width = Number(get(keys.paperWidth) ?? d.paperWidth);
  const flag = (key: string, fallback: boolean) => {
    const value = get(key);
    return value === undefined ? fallback : value === '1';
  };
  return {
    kind: kind && kindsFor(registerId).includes(kind) ? kind : d.kind,
    host: get(keys.host) ?? d.host,
    port: Number.isInteger(port) && port > 0 && port < 65_536 ? port : d.port,
    osName: get(keys.osName) ?? d.osName,
    paperWidth: width === 58 || width === 80 ? (width as PaperWidth) : d.paperWidth,
    autoPrint: flag(keys.autoPrint, d.autoPrint),
    drawer: flag(keys.drawer, d.drawer),
  };
}

/**
 * Saves `registerId`'s printer settings (already validated by the channel's schema) and audits the
 * change; an OS printer for a remote register is refused and nothing is stored.
 */
export function savePrinterSettings(
  deps: { settings: SettingsRepo; audit: AuditLog; clock: Clock },
  next: PrinterSettings,
  actor: number,
  registerId: number,
): Result<PrinterSettings> {
  if (!kindsFor(registerId).includes(next.kind)) {
    // A field issue the office words in Spanish or English (officeSettings.errors.printer_os_remote).
    return fail(
      'validation_failed',
      `Register ${registerId} can only use a network printer: an OS printer on its PC is out of the store server's reach.`,
      { issues: [{ path: 'kind', message: 'printer_os_remote' }] },
    );
  }
  const now = deps.clock.now();
  const before = readPrinterSettings(deps.settings, registerId);
  const clean = { ...next, host: next.host.trim(), osName: next.osName.trim() };
  const keys = printerKeys(registerId);
  const rows: Record<string, string> = {
    [keys.kind]: clean.kind,
    [keys.host]: clean.host,
    [keys.port]: String(clean.port),
    [keys.osName]: clean.osName,
    [keys.paperWidth]: String(clean.paperWidth),
    [keys.autoPrint]: clean.autoPrint ? '1' : '0',
    [keys.drawer]: clean.drawer ? '1' : '0',
  };
  for (const [key, value] of Object.entries(rows)) deps.settings.setPublic(key, value, now);
  deps.audit.append(
    {
      action: 'settings.printer.saved',
      actorUserId: actor,
      subject: `printer:${registerId}`,
      registerId,
      details: { before, after: clean },
    },
    now,
  );
  return ok(readPrinterSettings(deps.settings, registerId));
}

/** The stored logo, or null (none, or a row that no longer has the shape: printed without). */
export function readPrinterLogo(settings: SettingsRepo): PrinterLogo | null {
  const raw = settings.getPublic(PRINTER_KEYS.logo);
  if (!raw) return null;
  try {
    const logo = JSON.parse(raw) as PrinterLogo;
    return isPrinterLogo(logo) ? logo : null;
  } catch {
    return null;
  }
}

/** Sets or removes the logo; audited by its size only (the image is not a secret, just large). */
export function savePrinterLogo(
  deps: { settings: SettingsRepo; audit: AuditLog; clock: Clock },
  logo: PrinterLogo | null,
  actor: number,
): void {
  const now = deps.clock.now();
  deps.settings.setPublic(PRINTER_KEYS.logo, logo ? JSON.stringify(logo) : '', now);
  deps.audit.append(
    {
      action: 'settings.printer.logo_saved',
      actorUserId: actor,
      subject: 'settings',
      details: logo ? { width: logo.width, height: logo.height } : { removed: true },
    },
    now,
  );
}
