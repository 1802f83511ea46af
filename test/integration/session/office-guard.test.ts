import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../app/api/channels';
import { createCore } from '../../../app/host/create-core';
import { recordingLogger } from '../../support/recording-logger';
import { sampleArgs } from '../../support/sample-args';
import { freshDataDir } from '../../support/web-shell';
import { DEMO_USERS } from '../../support/sign-in';

const OFFICE = INVOKE_CHANNELS.filter((channel) => channel.startsWith('office.'));
const args = sampleArgs({ productId: 1, lineId: 1, barcode: '0', paymentId: 1 });

describe('the manager office guard', () => {
  it('refuses every office channel to nobody, to a locked register and to a cashier', async () => {
    expect(OFFICE.length).toBeGreaterThan(0);
    const core = createCore({ dataDir: freshDataDir(), shell: 'web', logger: recordingLogger().logger });
    const codes = async () =>
      Promise.all(
        OFFICE.map(async (channel) => {
          const reply = await core.dispatch(channel, args[channel]);
          return reply.ok ? 'ok' : reply.error.code;
        }),
      );
    expect(await codes()).toEqual(OFFICE.map(() => 'session_required'));

    const signIn = await core.dispatch('session.signIn', {
      userId: DEMO_USERS.cashier.id,
      pin: DEMO_USERS.cashier.pin,
    });
    expect(signIn.ok).toBe(true);
    expect(await codes()).toEqual(OFFICE.map(() => 'forbidden'));

    await core.dispatch('session.signIn', { userId: DEMO_USERS.manager.id, pin: DEMO_USERS.manager.pin });
    await core.dispatch('session.lock', {});
    expect(await codes()).toEqual(OFFICE.map(() => 'session_required'));
    core.close();
  });
});
