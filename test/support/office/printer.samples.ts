import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { PrinterContract } from '../../../app/api/office/printer.contract';
import { DEFAULT_PRINTER_SETTINGS } from '../../../app/domain/printer';

type AreaChannel = keyof PrinterContract;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const printerSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {
  'office.printer.get': {},
  // No printer: a call of every channel must not wait on whatever listens on this machine's port 9100.
  'office.printer.save': { ...DEFAULT_PRINTER_SETTINGS, paperWidth: 58 },
  'office.printer.logo.save': { logo: { width: 8, height: 8, bits: 'gIGCg4SFhoc=' } },
  'office.printer.test': {},
  'office.drawer.open': { reason: 'Cambio para el turno' },
};

const who = { registerId: 0, callerRegisterId: 0 };
const unavailable = { ok: false, error: { code: 'unavailable', message: 'sample' } } as const;

/** Trivial answers for this area's channels (dispatch tests). */
export const printerTrivialHandlers: Pick<Handlers, AreaChannel> = {
  'office.printer.get': () => ({
    ...DEFAULT_PRINTER_SETTINGS,
    ...who,
    osPrintAvailable: false,
    hasLogo: false,
  }),
  'office.printer.save': (settings) => ({ ...settings, ...who, osPrintAvailable: false, hasLogo: false }),
  'office.printer.logo.save': ({ logo }) => ({
    ...DEFAULT_PRINTER_SETTINGS,
    ...who,
    osPrintAvailable: false,
    hasLogo: !!logo,
  }),
  'office.printer.test': () => unavailable,
  'office.drawer.open': () => unavailable,
};
