import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { TerminalView } from '../domain/terminal';
import type { TerminalTestResult } from '../domain/office/settings';
import { fail, ok, type Result } from '../domain/result';
import type { Clock } from '../ports/clock.port';
import type { PaymentGateway } from '../ports/payment-gateway.port';
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

  /** Adds a terminal; the first one becomes the default. Serials are unique (case-insensitive). */
  add(serial: string, label: string): Result<TerminalView[]> {
    const all = this.list();
    if (all.some((t) => t.serial.toUpperCase() === serial.toUpperCase())) {
      return fail('conflict', `Terminal ${serial} is already listed.`);
    }
    return this.saved([...all, { serial, label, isDefault: all.length === 0 }]);
  }

  rename(serial: string, label: string): Result<TerminalView[]> {
    return this.changed(serial, (all) => all.map((t) => (t.serial === serial ? { ...t, label } : t)));
  }

  setDefault(serial: string): Result<TerminalView[]> {
    return this.changed(serial, (all) => [
      ...all.filter((t) => t.serial === serial).map((t) => ({ ...t, isDefault: true })),
      ...all.filter((t) => t.serial !== serial).map((t) => ({ ...t, isDefault: false })),
    ]);
  }

  /** Removes a terminal; when it was the default, the first remaining one becomes the default. */
  remove(serial: string): Result<TerminalView[]> {
    return this.changed(serial, (all) => all.filter((t) => t.serial !== serial));
  }

  /**
   * Tests the connection to Kushki for a terminal with a zero-risk call: get-status for a fresh random
   * reference that cannot exist. "Not found" proves the host answers and accepts the key; nothing is
   * ever pushed to the terminal (get-status does not name one, so the serial is only checked as ours).
   */
  async testConnection(serial: string, gateway: PaymentGateway): Promise<Result<TerminalTestResult>> {
    if (!this.list().some((t) => t.serial === serial)) return fail('not_found', `No terminal ${serial}`);
    const outcome = await gateway.getStatus(`cajatest${randomUUID().replaceAll('-', '')}`);
    const result = (outcome: TerminalTestResult['outcome'], responseCode: string | null = null) =>
      ok({ serial, outcome, responseCode });
    switch (outcome.kind) {
      case 'not_found':
      case 'found':
        return result('ok');
      case 'uncertain':
        return result('unreachable');
      case 'rejected':
        // httpStatus 0: refused before sending, because no key is configured.
        if (outcome.httpStatus === 0) return result('no_key', outcome.responseCode);
        return result(outcome.responseCode === '001' ? 'auth_failed' : 'refused', outcome.responseCode);
    }
  }

  private changed(serial: string, edit: (all: TerminalView[]) => TerminalView[]): Result<TerminalView[]> {
    const all = this.list();
    if (!all.some((t) => t.serial === serial)) return fail('not_found', `No terminal ${serial}`);
    return this.saved(edit(all));
  }

  private saved(terminals: TerminalView[]): Result<TerminalView[]> {
    this.save(terminals);
    return ok(this.list());
  }
}
