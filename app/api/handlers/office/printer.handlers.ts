import type { Handlers } from '../../dispatch';
import type {
  PrinterContract,
  PrinterSettingsView,
  RegisterPrinterView,
} from '../../office/printer.contract';
import type { PrinterLogo, PrinterSettings } from '../../../domain/printer';
import { SERVER_REGISTER_ID } from '../../../domain/registers';
import { fail, ok, type Result } from '../../../domain/result';
import type { DrawerService } from '../../../services/printing/drawer.service';
import type { PrintingService } from '../../../services/printing/printing.service';

/** What the printer and drawer channels call (built by app/host/create-core.ts). */
export interface PrinterHandlersDeps {
  printing: PrintingService;
  drawer: DrawerService;
  read: (registerId: number) => RegisterPrinterView;
  save: (settings: PrinterSettings, actor: number, registerId: number) => Result<RegisterPrinterView>;
  saveLogo: (logo: PrinterLogo | null, actor: number, registerId: number) => RegisterPrinterView;
  manager: () => number;
  /** The register whose office is calling (0, the server's own counter, until the register context wires it). */
  registerId: () => number;
  /** Whether a register with this id was ever paired (a revoked one's settings still read). */
  registerExists: (registerId: number) => boolean;
}

/** Handlers of the office's printer and drawer channels. See [Note: a printer per register]. */
export function printerHandlers(deps: PrinterHandlersDeps): Pick<Handlers, keyof PrinterContract> {
  const caller = deps.registerId;
  /** The register a call acts on: the caller's, or (from the server's office only) the one asked for. */
  const target = (asked: number | undefined): Result<number> => {
    const own = caller();
    if (asked === undefined || asked === own) return ok(own);
    if (own !== SERVER_REGISTER_ID) {
      return fail('forbidden', "Only the store server's office can set up another register's printer.");
    }
    return deps.registerExists(asked) ? ok(asked) : fail('not_found', `No register ${asked}.`);
  };
  const view = (v: RegisterPrinterView): PrinterSettingsView => ({ ...v, callerRegisterId: caller() });
  return {
    'office.printer.get': ({ registerId }) => {
      const at = target(registerId);
      return at.ok ? ok(view(deps.read(at.value))) : at;
    },
    'office.printer.save': ({ registerId, ...settings }) => {
      const at = target(registerId);
      if (!at.ok) return at;
      const saved = deps.save(settings, deps.manager(), at.value);
      return saved.ok ? ok(view(saved.value)) : saved;
    },
    'office.printer.logo.save': ({ logo, registerId }) => {
      const at = target(registerId);
      return at.ok ? ok(view(deps.saveLogo(logo, deps.manager(), at.value))) : at;
    },
    'office.printer.test': ({ registerId }) => {
      const at = target(registerId);
      return at.ok ? deps.printing.testPage(at.value) : Promise.resolve(at);
    },
    'office.drawer.open': ({ reason, registerId }) => {
      const at = target(registerId);
      return at.ok ? deps.drawer.openByManager(reason.trim(), deps.manager(), at.value) : Promise.resolve(at);
    },
  };
}
