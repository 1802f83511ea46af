/**
 * Which channels a joined register may not call over the LAN (issue 17). [Note: store-server-only channels]
 * A register uses the same contract as the server's own windows, with these exceptions, refused on
 * a register's link before dispatch with `forbidden` / `store_server_only`:
 *
 * - `store.*`: creating the real store or switching demo ⇄ real changes what every register sells
 *   from; it is done at the server, where the manager sees what is open.
 * - `office.maintenance.*`: backups, restores, log exports and the second folder are files and
 *   folders of the server's disk; a restore replaces the book every register writes to.
 * - the Kushki key and relay credentials (`office.settings.secret.*`), the relay address and the
 *   environment: a register never holds them (issue 17, item 1), so they are never typed at one
 *   and never cross the LAN; the environment decides whether real money moves, store-wide.
 * - a new pairing code: a register must be paired by someone standing at the server, so a stolen
 *   or compromised register cannot mint codes for more.
 * - the demo's controls (`app.demoTerminal.open` opens a page on the server's screen,
 *   `demo.relay.setOnline` drops the relay of the whole store).
 *
 * Universal code (no Node imports): the register's own shell reads it too, to refuse at once.
 */
import type { Channel } from './contract';
import { MAINTENANCE_CHANNELS } from './office/maintenance.contract';
import { STORE_CHANNELS } from './store/store.contract';
import type { AppError } from '../domain/result';

/** The channels only the store server's own windows may call. */
export const STORE_SERVER_ONLY_CHANNELS = [
  ...STORE_CHANNELS,
  ...MAINTENANCE_CHANNELS,
  'office.settings.secret.set',
  'office.settings.secret.clear',
  'office.settings.relay.save',
  'office.settings.environment.set',
  'office.registers.pairingCode.create',
  'app.demoTerminal.open',
  'demo.relay.setOnline',
] as const satisfies readonly Channel[];

const SERVER_ONLY: ReadonlySet<string> = new Set(STORE_SERVER_ONLY_CHANNELS);

/** The refusal for a register's call to a store-server-only channel, or null when it may go on. */
export function refuseOnRegister(channel: unknown): AppError | null {
  if (typeof channel !== 'string' || !SERVER_ONLY.has(channel)) return null;
  return {
    code: 'forbidden',
    reason: 'store_server_only',
    message: `${channel} is done at the store server, not on a register.`,
  };
}
