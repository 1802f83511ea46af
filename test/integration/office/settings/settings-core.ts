/**
 * A real core on a fresh data directory with the demo manager signed in, for the settings tests.
 * Await it: the PIN is checked off the host's thread, so the session opens when it resolves.
 */
import type { Channel, Reply } from '../../../../app/api/contract';
import { createCore, type Core, type CoreOptions } from '../../../../app/host/create-core';
import { recordingLogger } from '../../../support/recording-logger';
import { signInDemoManager } from '../../../support/sign-in';
import { freshDataDir } from '../../../support/web-shell';

/** A core, its data dir, its log entries and two call helpers. */
export async function managerCore(options: Partial<CoreOptions> = {}) {
  const dataDir = options.dataDir ?? freshDataDir('caja-settings-');
  const { logger, entries } = recordingLogger();
  const core: Core = createCore({ dataDir, shell: 'web', logger, ...options });
  await signInDemoManager(core);
  const reply = (channel: Channel, args: unknown): Promise<Reply<Channel>> => core.dispatch(channel, args);
  const call = async <T>(channel: Channel, args: unknown): Promise<T> => {
    const answer = await core.dispatch(channel, args);
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
    return answer.value as T;
  };
  return { core, dataDir, entries, reply, call };
}
