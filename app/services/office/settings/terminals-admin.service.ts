/**
 * The store's terminals as the manager manages them: every change that succeeded, and every
 * connection test, is audited against the terminal (`terminal:<serial>`). The terminals themselves
 * live in TerminalsService, which the counter shares.
 */
import type { TerminalTestResult } from '../../../domain/office/settings';
import type { Result } from '../../../domain/result';
import type { TerminalView } from '../../../domain/terminal';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { PaymentGateway } from '../../../ports/payment-gateway.port';
import type { TerminalsAdmin } from '../../register-terminals';

/** Adding, renaming, choosing the default, removing and testing terminals, audited. */
export class TerminalsAdminService {
  constructor(
    private readonly deps: {
      /** The store's terminals as this register sees them (its own default: RegisterTerminals.admin). */
      terminals: TerminalsAdmin;
      /** Kushki's API for the configured environment, resolved per call. */
      gateway: () => PaymentGateway;
      audit: AuditLog;
      clock: Clock;
      /** The manager doing it, asked once the change succeeded (the `manager` channel policy guarantees one). */
      manager: () => number;
    },
  ) {}

  list(): TerminalView[] {
    return this.deps.terminals.list();
  }

  /** The label is stored trimmed; the audit keeps it as typed. */
  add(serial: string, label: string): Result<TerminalView[]> {
    return this.audited('terminals.added', serial, this.deps.terminals.add(serial, label.trim()), { label });
  }

  rename(serial: string, label: string): Result<TerminalView[]> {
    return this.audited('terminals.renamed', serial, this.deps.terminals.rename(serial, label.trim()), {
      label,
    });
  }

  setDefault(serial: string): Result<TerminalView[]> {
    return this.audited('terminals.defaultSet', serial, this.deps.terminals.setDefault(serial));
  }

  remove(serial: string): Result<TerminalView[]> {
    return this.audited('terminals.removed', serial, this.deps.terminals.remove(serial));
  }

  /** Asks the terminal for its status through Kushki; the outcome (not the raw answer) is audited. */
  async test(serial: string): Promise<Result<TerminalTestResult>> {
    const result = await this.deps.terminals.testConnection(serial, this.deps.gateway());
    return this.audited(
      'terminals.tested',
      serial,
      result,
      result.ok ? { outcome: result.value.outcome } : {},
    );
  }

  /** Audits a terminal change once it succeeded. */
  private audited<T>(action: string, serial: string, result: Result<T>, details = {}): Result<T> {
    if (result.ok) {
      const { audit, clock, manager } = this.deps;
      audit.append({ action, actorUserId: manager(), subject: `terminal:${serial}`, details }, clock.now());
    }
    return result;
  }
}
