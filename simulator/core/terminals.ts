// The registry of virtual terminals: serials, app versions, connectivity and behaviour, plus each terminal's
// one-at-a-time queue (§8 #23: a second push to a busy terminal waits behind the first).
import { fail, ok, type Result } from './result';
import { BEHAVIOURS, type Behaviour, type TerminalInit, type TerminalView } from '../types';

/** A terminal's stored state (the view plus nothing hidden). */
export type TerminalRecord = TerminalView;

/** Minimum payment-app version for the Cloud Terminal API at all (§1, §5). */
export const MIN_APP_VERSION = '4.3.26';
/** Minimum payment-app version that understands `uniqueReference` (§2.2, §5). */
export const MIN_UNIQUE_REFERENCE_VERSION = '5.0.3';
/** App version given to terminals created without one. */
export const DEFAULT_APP_VERSION = '5.2.1';

const SERIAL = /^[A-Za-z0-9]{1,64}$/;
const VERSION = /^\d+(\.\d+){0,3}$/;

/** Compares dotted versions numerically: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Defaults for new terminals. */
export interface TerminalDefaults {
  behaviour: Behaviour;
  approveDelayMs: number;
}

/** Holds the virtual terminals. */
export class TerminalRegistry {
  readonly records = new Map<string, TerminalRecord>();

  constructor(private readonly defaults: TerminalDefaults) {}

  /** Adds a terminal; fails when the serial is invalid or taken. */
  add(init: TerminalInit): Result<TerminalRecord> {
    const problem = validate(init);
    if (problem) return fail('invalid_input', problem);
    if (this.records.has(init.serialNumber)) {
      return fail('terminal_exists', `terminal ${init.serialNumber} already exists`);
    }
    const record: TerminalRecord = {
      serialNumber: init.serialNumber,
      appVersion: init.appVersion ?? DEFAULT_APP_VERSION,
      online: init.online ?? true,
      registered: init.registered ?? true,
      behaviour: init.behaviour ?? this.defaults.behaviour,
      approveDelayMs: init.approveDelayMs ?? this.defaults.approveDelayMs,
      current: null,
      queue: [],
    };
    this.records.set(record.serialNumber, record);
    return ok(record);
  }

  /** Changes settings of an existing terminal (the serial itself cannot change). */
  update(serial: string, patch: Omit<TerminalInit, 'serialNumber'>): Result<TerminalRecord> {
    const record = this.records.get(serial);
    if (!record) return fail('unknown_terminal', `no terminal ${serial}`);
    const problem = validate({ ...patch, serialNumber: serial });
    if (problem) return fail('invalid_input', problem);
    if (patch.appVersion !== undefined) record.appVersion = patch.appVersion;
    if (patch.online !== undefined) record.online = patch.online;
    if (patch.registered !== undefined) record.registered = patch.registered;
    if (patch.behaviour !== undefined) record.behaviour = patch.behaviour;
    if (patch.approveDelayMs !== undefined) record.approveDelayMs = patch.approveDelayMs;
    return ok(record);
  }

  /** The terminal, if it exists. */
  get(serial: string): TerminalRecord | undefined {
    return this.records.get(serial);
  }

  /** A copy of one terminal, safe to hand out. */
  view(serial: string): TerminalView | undefined {
    const record = this.records.get(serial);
    return record ? { ...record, queue: [...record.queue] } : undefined;
  }

  /** Copies of every terminal, in creation order. */
  list(): TerminalView[] {
    return [...this.records.keys()].map((serial) => this.view(serial)).filter((v) => v !== undefined);
  }
}

function validate(init: Partial<TerminalInit>): string | null {
  if (init.serialNumber !== undefined && !SERIAL.test(init.serialNumber)) {
    return 'serialNumber must be 1-64 letters or digits';
  }
  if (init.appVersion !== undefined && !VERSION.test(init.appVersion))
    return 'appVersion must look like 5.0.3';
  if (init.behaviour !== undefined && !BEHAVIOURS.includes(init.behaviour)) {
    return `behaviour must be one of ${BEHAVIOURS.join(', ')}`;
  }
  if (
    init.approveDelayMs !== undefined &&
    !(Number.isFinite(init.approveDelayMs) && init.approveDelayMs >= 0 && init.approveDelayMs <= 3_600_000)
  ) {
    return 'approveDelayMs must be between 0 and 3600000';
  }
  return null;
}
