/** [Note: store-server-only channels]: what a joined register may not call over the LAN. */
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../app/api/channels';
import { refuseOnRegister, STORE_SERVER_ONLY_CHANNELS } from '../../../app/api/remote-policy';

describe('store-server-only channels', () => {
  it('refuses each of them with forbidden / store_server_only, naming the channel', () => {
    for (const channel of STORE_SERVER_ONLY_CHANNELS) {
      expect(refuseOnRegister(channel)).toMatchObject({
        code: 'forbidden',
        reason: 'store_server_only',
        message: expect.stringContaining(channel),
      });
    }
  });

  it('covers switching stores, maintenance, secrets and the demo controls, and lets selling through', () => {
    const refused = INVOKE_CHANNELS.filter((channel) => refuseOnRegister(channel) !== null);
    expect(refused).toEqual(expect.arrayContaining(['store.switch', 'office.maintenance.backups.restore']));
    expect(refused).toEqual(expect.arrayContaining(['office.settings.secret.set', 'demo.relay.setOnline']));
    for (const channel of ['sales.cart.scan', 'payments.card.start', 'payments.cash.pay', 'session.signIn']) {
      expect(refuseOnRegister(channel)).toBeNull();
    }
    expect(refuseOnRegister('office.transactions.list')).toBeNull();
    expect(refuseOnRegister(42)).toBeNull();
  });
});
