import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { SettingsContract } from '../../../app/api/office/settings.contract';
import type { OfficeUser, SecretStatus } from '../../../app/domain/office/settings';

type AreaChannel = keyof SettingsContract;

/**
 * One valid argument per channel of this area (for the security and dispatch specs). The samples
 * change nothing a later call depends on in a harmful way: the secret set is a throwaway value and
 * the environment stays demo.
 */
export const settingsSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {
  'office.settings.get': {},
  'office.settings.store.save': { name: 'Tienda de prueba', rfc: 'XAXX010101000', address: 'Calle 1, CDMX' },
  'office.settings.receipt.save': { footer: 'Gracias', printOnTerminal: false },
  'office.settings.timeZone.set': { timeZone: 'America/Mexico_City' },
  'office.settings.discountLimit.set': { discountLimitBp: 1000 },
  'office.settings.environment.set': { environment: 'demo' },
  'office.settings.relay.save': { url: 'https://127.0.0.1:4020', storeId: 'store-1' },
  'office.settings.updates.save': { enabled: false, feedUrl: '' },
  'office.settings.secret.set': { name: 'relay.signingKey', value: 'sample-signing-key' },
  'office.settings.secret.clear': { name: 'relay.signingKey' },
  'office.terminals.list': {},
  'office.terminals.add': { serial: 'SAMPLE01', label: 'Muestra' },
  'office.terminals.rename': { serial: 'SAMPLE01', label: 'Muestra 2' },
  'office.terminals.setDefault': { serial: 'SAMPLE01' },
  'office.terminals.test': { serial: 'SAMPLE01' },
  'office.terminals.remove': { serial: 'SAMPLE01' },
  'office.users.list': {},
  'office.users.add': { name: 'Usuario de muestra', role: 'cashier', pin: '4321' },
  'office.users.setPin': { userId: 1, pin: '1111' },
  'office.users.setRole': { userId: 1, role: 'cashier' },
  'office.users.deactivate': { userId: 999 },
  'office.users.unlock': { userId: 1 },
};

const noSecret: SecretStatus = { set: false, last4: null, storage: 'file' };
const user: OfficeUser = { id: 1, name: 'x', role: 'cashier', active: true, locked: false };

/** Trivial answers for this area's channels (dispatch tests). */
export const settingsTrivialHandlers: Pick<Handlers, AreaChannel> = {
  'office.settings.get': () => ({
    store: { name: 'Test', rfc: '', address: '' },
    receipt: { footer: '', printOnTerminal: false },
    discountLimitBp: 1000,
    timeZone: 'America/Mexico_City',
    environment: { running: 'demo', configured: 'demo', restartNeeded: false },
    relay: { url: '', storeId: '' },
    secrets: { 'kushki.apiKey': noSecret, 'relay.streamToken': noSecret, 'relay.signingKey': noSecret },
    updates: { enabled: false, feedUrl: '' },
  }),
  'office.settings.store.save': (details) => details,
  'office.settings.receipt.save': (options) => options,
  'office.settings.timeZone.set': ({ timeZone }) => ({ timeZone }),
  'office.settings.discountLimit.set': ({ discountLimitBp }) => ({ discountLimitBp }),
  'office.settings.environment.set': ({ environment }) => ({
    running: 'demo',
    configured: environment,
    restartNeeded: environment !== 'demo',
  }),
  'office.settings.relay.save': (relay) => relay,
  'office.settings.updates.save': (updates) => updates,
  'office.settings.secret.set': () => ({
    outcome: 'stored',
    status: { ...noSecret, set: true, last4: 'abcd' },
  }),
  'office.settings.secret.clear': () => noSecret,
  'office.terminals.list': () => [],
  'office.terminals.add': ({ serial, label }) => [{ serial, label, isDefault: true }],
  'office.terminals.rename': ({ serial, label }) => [{ serial, label, isDefault: true }],
  'office.terminals.setDefault': ({ serial }) => [{ serial, label: '', isDefault: true }],
  'office.terminals.remove': () => [],
  'office.terminals.test': ({ serial }) => ({ serial, outcome: 'ok', responseCode: null }),
  'office.users.list': () => [],
  'office.users.add': ({ name, role }) => ({ id: 3, name, role, active: true, locked: false }),
  'office.users.setPin': ({ userId }) => ({ ...user, id: userId }),
  'office.users.setRole': ({ userId, role }) => ({ ...user, id: userId, role }),
  'office.users.deactivate': ({ userId }) => ({ ...user, id: userId, active: false }),
  'office.users.unlock': ({ userId }) => ({ ...user, id: userId }),
};
