import type { Handlers } from '../../dispatch';
import type { SettingsContract } from '../../office/settings.contract';
import { ok } from '../../../domain/result';
import type { SecretsService } from '../../../services/office/settings/secrets.service';
import type { StoreSettingsService } from '../../../services/office/settings/store-settings.service';
import type { TerminalsAdminService } from '../../../services/office/settings/terminals-admin.service';
import type { UsersAdminService } from '../../../services/office/settings/users-admin.service';
import type { UpdateSettingsService } from '../../../services/office/settings/update-settings.service';

/** What the settings, terminals and users channels call (built by app/host/build-office.ts). */
export interface SettingsHandlersDeps {
  store: StoreSettingsService;
  secrets: SecretsService;
  terminalsAdmin: TerminalsAdminService;
  users: UsersAdminService;
  updates: UpdateSettingsService;
  /** The manager signed in at this register (the `manager` channel policy guarantees one inside office handlers). */
  manager: () => number;
}

/** Handlers of the office's settings, terminals and users channels. */
export function settingsHandlers({
  store,
  secrets,
  terminalsAdmin,
  users,
  updates,
  manager: actor,
}: SettingsHandlersDeps): Pick<Handlers, keyof SettingsContract> {
  return {
    'office.settings.get': () => ({
      store: store.store(),
      receipt: store.receipt(),
      discountLimitBp: store.discountLimitBp(),
      timeZone: store.timeZone(),
      environment: store.environment(),
      relay: store.relay(),
      secrets: secrets.statuses(),
      updates: updates.get(),
    }),
    'office.settings.store.save': (details) => store.saveStore(details, actor()),
    'office.settings.receipt.save': (options) => store.saveReceipt(options, actor()),
    'office.settings.timeZone.set': ({ timeZone }) => store.setTimeZone(timeZone, actor()),
    'office.settings.discountLimit.set': ({ discountLimitBp }) =>
      store.setDiscountLimit(discountLimitBp, actor()),
    'office.settings.environment.set': ({ environment, confirm }) =>
      store.setEnvironment(environment, confirm, actor()),
    'office.settings.relay.save': (relay) => store.saveRelay(relay, actor()),
    'office.settings.updates.save': (next) => updates.save(next, actor()),
    'office.settings.secret.set': ({ name, value, allowPlaintext }) =>
      secrets.set(name, value, allowPlaintext === true, actor()),
    'office.settings.secret.clear': ({ name }) => secrets.clear(name, actor()),
    'office.terminals.list': () => terminalsAdmin.list(),
    'office.terminals.add': ({ serial, label }) => terminalsAdmin.add(serial, label),
    'office.terminals.rename': ({ serial, label }) => terminalsAdmin.rename(serial, label),
    'office.terminals.setDefault': ({ serial }) => terminalsAdmin.setDefault(serial),
    'office.terminals.remove': ({ serial }) => terminalsAdmin.remove(serial),
    'office.terminals.test': ({ serial }) => terminalsAdmin.test(serial),
    'office.users.list': () => ok(users.list()),
    'office.users.add': (user) => users.add(user, actor()),
    'office.users.setPin': ({ userId, pin }) => users.setPin(userId, pin, actor()),
    'office.users.setRole': ({ userId, role }) => users.setRole(userId, role, actor()),
    'office.users.deactivate': ({ userId }) => users.deactivate(userId, actor()),
    'office.users.unlock': ({ userId }) => users.unlock(userId, actor()),
  };
}
