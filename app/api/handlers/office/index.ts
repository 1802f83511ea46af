import type { Handlers } from '../../dispatch';
import type { InvokeContract } from '../../contract';
import { printerHandlers, type PrinterHandlersDeps } from './printer.handlers';
import { counterSettingsHandlers, type CounterSettingsHandlersDeps } from './counter-settings.handlers';
import { productsHandlers, type ProductsHandlersDeps } from './products.handlers';
import { refundsHandlers, type RefundsHandlersDeps } from './refunds.handlers';
import { settingsHandlers, type SettingsHandlersDeps } from './settings.handlers';
import { shiftsHandlers, type ShiftsHandlersDeps } from './shifts.handlers';
import { returnsHandlers, type ReturnsHandlersDeps } from './returns.handlers';
import { stockHandlers, type StockHandlersDeps } from './stock.handlers';
import { registersHandlers, type RegistersHandlersDeps } from './registers.handlers';
import { transactionsHandlers, type TransactionsHandlersDeps } from './transactions.handlers';
import { maintenanceHandlers, type MaintenanceHandlersDeps } from './maintenance.handlers';

type OfficeChannel = Extract<keyof InvokeContract, `office.${string}`>;

/**
 * The office's services, one small typed object per area, built by the composition root
 * (app/host/build-office.ts). Handlers get services only: never a database, never a repo.
 */
export interface OfficeServices {
  transactions: TransactionsHandlersDeps;
  refunds: RefundsHandlersDeps;
  shifts: ShiftsHandlersDeps;
  settings: SettingsHandlersDeps;
  products: ProductsHandlersDeps;
  stock: StockHandlersDeps;
  printer: PrinterHandlersDeps;
  maintenance: MaintenanceHandlersDeps;
  counterSettings: CounterSettingsHandlersDeps;
  returns: ReturnsHandlersDeps;
  registers: RegistersHandlersDeps;
}

/** Every office area's handlers, each from its own services. */
export function officeHandlers(office: OfficeServices): Pick<Handlers, OfficeChannel> {
  return {
    ...transactionsHandlers(office.transactions),
    ...refundsHandlers(office.refunds),
    ...shiftsHandlers(office.shifts),
    ...settingsHandlers(office.settings),
    ...productsHandlers(office.products),
    ...stockHandlers(office.stock),
    ...printerHandlers(office.printer),
    ...maintenanceHandlers(office.maintenance),
    ...counterSettingsHandlers(office.counterSettings),
    ...returnsHandlers(office.returns),
    ...registersHandlers(office.registers),
  };
}
