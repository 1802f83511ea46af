import type { Handlers } from '../../dispatch';
import type { SettingsContract } from '../../office/settings.contract';
import type { OfficeDeps } from './office-deps';
import { ok } from '../../../domain/result';
import { SqliteUsersRepo } from '../../../infra/db/users.repo';
import { SqlitePinFailuresRepo } from '../../../infra/db/pin-failures.repo';
import { SecretsService } from '../../../services/office/settings/secrets.service';
import {
  environmentSetting,
  SETTING_KEYS,
  StoreSettingsService,
} from '../../../services/office/settings/store-settings.service';
import { UsersAdminService } from '../../../services/office/settings/users-admin.service';
import type { Result } from '../../../domain/result';

/** Handlers of the office's settings, terminals and users channels. */
export function settingsHandlers(deps: OfficeDeps): Pick<Handlers, keyof SettingsContract> {
  const { audit, clock } = deps;
  // Handlers are built once at start-up, before anyone can change it: this is the running environment.
  const runningEnvironment = environmentSetting(deps.settings.getPublic(SETTING_KEYS.environment));
  const store = new StoreSettingsService({ settings: deps.settings, audit, clock, runningEnvironment });
  const secrets = new SecretsService({ vault: deps.vault, audit, clock });
  const users = new UsersAdminService({
    users: new SqliteUsersRepo(deps.db),
    failures: new SqlitePinFailuresRepo(deps.db),
    audit,
    clock,
    endSessionOf: (userId) => {
      if (deps.session.get()?.user.id === userId) deps.session.signOut();
    },
  });
  const actor = deps.manager;

  /** Audits a terminal change once it succeeded. */
  const terminalAudit = <T>(action: string, serial: string, result: Result<T>, details = {}): Result<T> => {
    if (result.ok)
      audit.append({ action, actorUserId: actor(), subject: `terminal:${serial}`, details }, clock.now());
    return result;
  };

  return {
    'office.settings.get': () => ({
      store: store.store(),
      receipt: store.receipt(),
      discountLimitBp: store.discountLimitBp(),
      environment: store.environment(),
      relay: store.relay(),
      secrets: secrets.statuses(),
    }),
    'office.settings.store.save': (details) => store.saveStore(details, actor()),
    'office.settings.receipt.save': (options) => store.saveReceipt(options, actor()),
    'office.settings.discountLimit.set': ({ discountLimitBp }) =>
      store.setDiscountLimit(discountLimitBp, actor()),
    'office.settings.environment.set': ({ environment, confirm }) =>
      store.setEnvironment(environment, confirm, actor()),
    'office.settings.relay.save': (relay) => store.saveRelay(relay, actor()),
    'office.settings.secret.set': ({ name, value, allowPlaintext }) =>
      secrets.set(name, value, allowPlaintext === true, actor()),
    'office.settings.secret.clear': ({ name }) => secrets.clear(name, actor()),
    'office.terminals.list': () => deps.terminals.list(),
    'office.terminals.add': ({ serial, label }) =>
      terminalAudit('terminals.added', serial, deps.terminals.add(serial, label.trim()), { label }),
    'office.terminals.rename': ({ serial, label }) =>
      terminalAudit('terminals.renamed', serial, deps.terminals.rename(serial, label.trim()), { label }),
    'office.terminals.setDefault': ({ serial }) =>
      terminalAudit('terminals.defaultSet', serial, deps.terminals.setDefault(serial)),
    'office.terminals.remove': ({ serial }) =>
      terminalAudit('terminals.removed', serial, deps.terminals.remove(serial)),
    'office.terminals.test': async ({ serial }) => {
      const result = await deps.terminals.testConnection(serial, deps.gateway());
      return terminalAudit(
        'terminals.tested',
        serial,
        result,
        result.ok ? { outcome: result.value.outcome } : {},
      );
    },
    'office.users.list': () => ok(users.list()),
    'office.users.add': (user) => users.add(user, actor()),
    'office.users.setPin': ({ userId, pin }) => users.setPin(userId, pin, actor()),
    'office.users.setRole': ({ userId, role }) => users.setRole(userId, role, actor()),
    'office.users.deactivate': ({ userId }) => users.deactivate(userId, actor()),
    'office.users.unlock': ({ userId }) => users.unlock(userId, actor()),
  };
}
