import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../app/api/channels';
import type { Channel } from '../../../app/api/contract';
import { createDispatch, type Handlers } from '../../../app/api/dispatch';
import { CHANNEL_POLICIES, type Policy } from '../../../app/api/policies';
import { trivialHandlers } from '../../support/fake-handlers';
import { authorizeAt, type Seat } from '../../support/fake-session';
import { recordingLogger } from '../../support/recording-logger';
import { sampleArgs } from '../../support/sample-args';

/**
 * See [Note: channel policies]. Dispatch applies each channel's declared policy, so these tests go
 * over every channel of the contract: a new channel is covered the day it is added, and a money
 * channel declared `none` fails the list check below.
 */
const args = sampleArgs({ productId: 1, lineId: 1, barcode: '7501234567890', paymentId: 1 });
const withPolicy = (policy: Policy) =>
  INVOKE_CHANNELS.filter((channel) => CHANNEL_POLICIES[channel] === policy);

/** Every handler a spy over its trivial answer, so a test can tell whether dispatch reached it. */
function spiedHandlers() {
  const trivial = trivialHandlers() as Record<Channel, (args: never) => unknown>;
  const spies = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [channel, vi.fn(trivial[channel])]),
  ) as Record<Channel, ReturnType<typeof vi.fn>>;
  return { handlers: spies as unknown as Handlers, spies };
}

/** Calls every channel once from `seat`; answers each channel's error code (or `ok`) and whether its handler ran. */
async function callAll(channels: readonly Channel[], seat: Seat) {
  const { handlers, spies } = spiedHandlers();
  const dispatch = createDispatch(handlers, recordingLogger().logger, authorizeAt(seat));
  return Promise.all(
    channels.map(async (channel) => {
      const reply = await dispatch(channel, args[channel]);
      return {
        channel,
        code: reply.ok ? 'ok' : reply.error.code,
        message: reply.ok ? '' : reply.error.message,
        handled: spies[channel].mock.calls.length > 0,
      };
    }),
  );
}

describe('channel policies', () => {
  it('gives every listed channel a policy, and only those', () => {
    expect(Object.keys(CHANNEL_POLICIES).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('never leaves a channel that changes a sale or moves money open', () => {
    const money: Channel[] = [
      'payments.card.start',
      'payments.cash.pay',
      'payments.refund',
      'payments.cancel',
      ...INVOKE_CHANNELS.filter(
        (channel) => channel.startsWith('sales.cart.') && channel !== 'sales.cart.get',
      ),
    ];
    expect(money.filter((channel) => CHANNEL_POLICIES[channel] === 'none')).toEqual([]);
    const office = INVOKE_CHANNELS.filter((channel) => channel.startsWith('office.'));
    expect(office.length).toBeGreaterThan(0);
    expect(office.filter((channel) => CHANNEL_POLICIES[channel] !== 'manager')).toEqual([]);
  });

  it('answers session_required to nobody on every guarded channel, without calling its handler', async () => {
    const guarded = [...withPolicy('session'), ...withPolicy('manager')];
    const results = await callAll(guarded, null);
    expect(results.filter((r) => r.code !== 'session_required' || r.handled)).toEqual([]);
    for (const r of results) {
      const expected =
        CHANNEL_POLICIES[r.channel] === 'manager'
          ? 'Sign in as a manager to do this.'
          : 'Sign in to do this.';
      expect(r.message).toBe(expected);
    }
  });

  it('answers session_required on a locked register, with the same messages', async () => {
    const guarded = [...withPolicy('session'), ...withPolicy('manager')];
    const results = await callAll(guarded, { role: 'manager', locked: true });
    expect(results.filter((r) => r.code !== 'session_required' || r.handled)).toEqual([]);
  });

  it('answers forbidden to a cashier on every manager channel, without calling its handler', async () => {
    const results = await callAll(withPolicy('manager'), { role: 'cashier' });
    expect(results.length).toBeGreaterThan(0);
    expect(
      results.filter(
        (r) => r.code !== 'forbidden' || r.message !== 'Only a manager can do this.' || r.handled,
      ),
    ).toEqual([]);
  });

  it('lets a signed-in cashier reach every session channel', async () => {
    const results = await callAll(withPolicy('session'), { role: 'cashier' });
    expect(results.filter((r) => !r.handled)).toEqual([]);
  });

  it('lets a signed-in manager reach every manager channel', async () => {
    const results = await callAll(withPolicy('manager'), { role: 'manager' });
    expect(results.filter((r) => !r.handled)).toEqual([]);
  });

  it('lets nobody reach every open channel', async () => {
    const results = await callAll(withPolicy('none'), null);
    expect(results.filter((r) => !r.handled)).toEqual([]);
  });

  it('validates before it authorizes, as the handler guards did', async () => {
    const { handlers, spies } = spiedHandlers();
    const dispatch = createDispatch(handlers, recordingLogger().logger, authorizeAt(null));
    const reply = await dispatch('payments.cash.pay', { tendered: 'lots' });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('validation_failed');
    expect(spies['payments.cash.pay']).not.toHaveBeenCalled();
  });
});
