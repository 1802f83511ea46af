/**
 * The printer settings as stored (key/value rows, like every store setting) and their change, audited
 * old → new. A corrupt row reads as its default: a bad value can never stop a sale.
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

/** The settings rows of the printer. */
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

const KINDS: readonly PrinterKind[] = ['none', 'network', 'os'];

/** The printer settings; anything unexpected reads as the default. */
export function readPrinterSettings(settings: SettingsRepo): PrinterSettings {
  const d = DEFAULT_PRINTER_SETTINGS;
  const get = (key: string) => settings.getPublic(key);
  const kind = get(PRINTER_KEYS.kind) as PrinterKind | undefined;
  const port = Number(get(PRINTER_KEYS.port) ?? d.port);
  const width = Number(get(PRINTER_KEYS.paperWidth) ?? d.paperWidth);
  const flag = (key: string, fallback: boolean) => {
    const value = get(key);
    return value === undefined ? fallback : value === '1';
  };
  return {
    kind: kind && KINDS.includes(kind) ? kind : d.kind,
    host: get(PRINTER_KEYS.host) ?? d.host,
    port: Number.isInteger(port) && port > 0 && port < 65_536 ? port : d.port,
    osName: get(PRINTER_KEYS.osName) ?? d.osName,
    paperWidth: width === 58 || width === 80 ? (width as PaperWidth) : d.paperWidth,
    autoPrint: flag(PRINTER_KEYS.autoPrint, d.autoPrint),
    drawer: flag(PRINTER_KEYS.drawer, d.drawer),
  };
}

/** Saves the printer settings (already validated by the channel's schema) and audits the change. */
export function savePrinterSettings(
  deps: { settings: SettingsRepo; audit: AuditLog; clock: Clock },
  next: PrinterSettings,
  actor: number,
): PrinterSettings {
  const now = deps.clock.now();
  const before = readPrinterSettings(deps.settings);
  const clean = { ...next, host: next.host.trim(), osName: next.osName.trim() };
  const rows: Record<string, string> = {
    [PRINTER_KEYS.kind]: clean.kind,
    [PRINTER_KEYS.host]: clean.host,
    [PRINTER_KEYS.port]: String(clean.port),
    [PRINTER_KEYS.osName]: clean.osName,
    [PRINTER_KEYS.paperWidth]: String(clean.paperWidth),
    [PRINTER_KEYS.autoPrint]: clean.autoPrint ? '1' : '0',
    [PRINTER_KEYS.drawer]: clean.drawer ? '1' : '0',
  };
  for (const [key, value] of Object.entries(rows)) deps.settings.setPublic(key, value, now);
  deps.audit.append(
    {
      action: 'settings.printer.saved',
      actorUserId: actor,
      subject: 'settings',
      details: { before, after: clean },
    },
    now,
  );
  return readPrinterSettings(deps.settings);
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
