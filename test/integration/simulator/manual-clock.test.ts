// Driving the simulator with a ManualClock: ttl expiry and the whole retry schedule without waiting for any
// simulated duration, and proof that retries stop after the schedule is exhausted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, ManualClock, type Simulator } from '../../../simulator/index';
import { client, pushBody, startReceiver, type Receiver } from './helpers';

let clock: ManualClock;
let sim: Simulator;
let api: ReturnType<typeof client>;
let receiver: Receiver;

beforeAll(async () => {
  clock = new ManualClock();
  receiver = await startReceiver(() => ({ status: 500 }));
  sim = await createSimulator({ clock, behaviour: 'manual', webhookUrl: receiver.url });
  api = client(sim.url, sim.token);
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

describe('ManualClock', () => {
  it('expires a request exactly when its ttl is reached', async () => {
    const body = pushBody('TERM123', { ttl: 45 });
    await api.push(body);
    const r = body.uniqueReference as string;
    clock.advance(44_999);
    expect((await api.status(r)).body).toMatchObject({ status: 'CREATED' });
    clock.advance(1);
    expect((await api.status(r)).body).toMatchObject({
      status: 'CANCELLED',
      creationDate: expect.any(String),
      updateDate: expect.any(String),
    });
  });

  it('retries at 10 s, 60 s and 300 s and then gives up', async () => {
    const body = pushBody('TERM123');
    await api.push(body);
    const r = body.uniqueReference as string;
    sim.approve(r);
    const finished = (n: number) =>
      sim.webhooks.waitFor((a) => a.uniqueReference === r && a.attempt === n && a.outcome !== 'pending');
    await finished(1);
    for (const [n, wait] of [
      [2, 10_000],
      [3, 60_000],
      [4, 300_000],
    ] as const) {
      clock.advance(wait - 1);
      expect(sim.webhooks.attempts(r)).toHaveLength(n - 1);
      clock.advance(1);
      await finished(n);
    }
    clock.advance(86_400_000);
    const attempts = sim.webhooks.attempts(r);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.statusCode])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
      [3, 'failed', 500],
      [4, 'failed', 500],
    ]);
    expect(receiver.received).toHaveLength(4);
  });
});
