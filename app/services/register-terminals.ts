/**
 * One register's view of the store's terminals (issue 17): the terminals are the store's, but each
 * counter has the one on its own desk as its default. A register's default is a public setting
 * (`registers.<id>.terminal`); when it is unset, or names a terminal no longer listed, the store's
 * default applies, so register 0 and every store before this issue behave exactly as they did.
 */
import { fail, ok, type Result } from '../domain/result';
import type { TerminalView } from '../domain/terminal';
import type { Clock } from '../ports/clock.port';
import type { SettingsRepo } from '../ports/settings.port';
import type { TerminalsService } from './terminals.service';

/** The setting that holds register `registerId`'s own default terminal. */
export function registerTerminalKey(registerId: number): string {
  return `registers.${registerId}.terminal`;
}

/** What the office's terminal settings change: the store's list, and one register's default. */
export type TerminalsAdmin = Pick<
  TerminalsService,
  'list' | 'add' | 'rename' | 'setDefault' | 'remove' | 'testConnection'
>;

/** The store's terminals as one register chooses among them. */
export class RegisterTerminals {
  constructor(
    private readonly deps: {
      terminals: TerminalsService;
      settings: SettingsRepo;
      clock: Clock;
      registerId: number;
    },
  ) {}

  /** This register's own default, if it has one that is still listed. */
  ownDefault(): TerminalView | undefined {
    const serial = this.deps.settings.getPublic(registerTerminalKey(this.deps.registerId));
    return serial ? this.deps.terminals.resolve(serial) : undefined;
  }

  /** The terminal with `serial`, else this register's default, else the store's. */
  resolve(serial?: string): TerminalView | undefined {
    if (serial) return this.deps.terminals.resolve(serial);
    return this.ownDefault() ?? this.deps.terminals.resolve();
  }

  /** Every terminal, with `isDefault` saying which one this register charges on by default. */
  list(): TerminalView[] {
    const all = this.deps.terminals.list();
    const own = this.ownDefault();
    return own ? all.map((t) => ({ ...t, isDefault: t.serial === own.serial })) : all;
  }

  /**
   * The office's terminal settings at this register: the list is the store's, but choosing the
   * default chooses this register's own, and every list shown marks this register's default.
   */
  admin(): TerminalsAdmin {
    const { terminals } = this.deps;
    const shown = (result: Result<TerminalView[]>) => (result.ok ? ok(this.list()) : result);
    return {
      list: () => this.list(),
      add: (serial, label) => shown(terminals.add(serial, label)),
      rename: (serial, label) => shown(terminals.rename(serial, label)),
      remove: (serial) => shown(terminals.remove(serial)),
      setDefault: (serial) => this.setDefault(serial),
      testConnection: (serial, gateway) => terminals.testConnection(serial, gateway),
    };
  }

  /** Makes `serial` this register's default; an empty serial goes back to the store's default. */
  setDefault(serial: string): Result<TerminalView[]> {
    if (serial && !this.deps.terminals.resolve(serial)) return fail('not_found', `No terminal ${serial}`);
    this.deps.settings.setPublic(registerTerminalKey(this.deps.registerId), serial, this.deps.clock.now());
    return ok(this.list());
  }
}
