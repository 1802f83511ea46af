import type { Handlers } from '../../dispatch';
import type { PrinterContract, PrinterSettingsView } from '../../office/printer.contract';
import type { PrinterLogo, PrinterSettings } from '../../../domain/printer';
import type { DrawerService } from '../../../services/printing/drawer.service';
import type { PrintingService } from '../../../services/printing/printing.service';

/** What the printer and drawer channels call (built by app/host/create-core.ts). */
export interface PrinterHandlersDeps {
  printing: PrintingService;
  drawer: DrawerService;
  read: () => PrinterSettingsView;
  save: (settings: PrinterSettings, actor: number) => PrinterSettingsView;
  saveLogo: (logo: PrinterLogo | null, actor: number) => PrinterSettingsView;
  manager: () => number;
}

/** Handlers of the office's printer and drawer channels. */
export function printerHandlers(deps: PrinterHandlersDeps): Pick<Handlers, keyof PrinterContract> {
  return {
    'office.printer.get': () => deps.read(),
    'office.printer.save': (settings) => deps.save(settings, deps.manager()),
    'office.printer.logo.save': ({ logo }) => deps.saveLogo(logo, deps.manager()),
    'office.printer.test': () => deps.printing.testPage(),
    'office.drawer.open': ({ reason }) => deps.drawer.openByManager(reason.trim(), deps.manager()),
  };
}
