import { z } from 'zod';
import type { TerminalView } from '../api/contract';
import type { Clock } from '../ports/clock.port';
import type { SettingsRepo } from '../ports/settings.port';

const KEY = 'kushki.terminals';
const stored = z.array(
  z.object({
    serial: z.string().regex(/^[A-Za-z0-9]{1,40}$/),
    label: z.string().max(60),
    isDefault: z.boolean(),
  }),
);

/** The store's terminals (serial, label, default), kept in settings as JSON. */
export class TerminalsService {
  constructor(
    private readonly settings: SettingsRepo,
    private readonly clock: Clock,
  ) {}

  /** Every terminal; a corrupt setting reads as none rather than crashing the counter. */
  list(): TerminalView[] {
    const raw = this.settings.getPublic(KEY);
    if (!raw) return [];
    try {
      const parsed = stored.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  /** The terminal with `serial`, or the default (else the only one) when no serial is given. */
  resolve(serial?: string): TerminalView | undefined {
    const all = this.list();
    if (serial) return all.find((t) => t.serial === serial);
    return all.find((t) => t.isDefault) ?? (all.length === 1 ? all[0] : undefined);
  }

  /** Replaces the list (exactly one default is kept). */
  save(terminals: TerminalView[]): void {
    const firstDefault = terminals.findIndex((t) => t.isDefault);
    const normalised = terminals.map((t, i) => ({ ...t, isDefault: i === Math.max(0, firstDefault) }));
    this.settings.setPublic(KEY, JSON.stringify(stored.parse(normalised)), this.clock.now());
  }
}
