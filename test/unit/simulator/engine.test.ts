// The §7 state machine and the terminal queue with a ManualClock and a recording webhook sink: no HTTP, no waiting.
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, TimerSet } from '../../../simulator/core/clock';
import { defaultConfig, type SimConfig } from '../../../simulator/core/config';
import { Engine, type NewRequest, type WebhookOrder } from '../../../simulator/core/engine';
import { EventBus } from '../../../simulator/core/event-bus';
import { IdFactory } from '../../../simulator/core/ids';
import { createRandom } from '../../../common/random/prng';
import { TerminalRegistry } from '../../../simulator/core/terminals';
import type { Behaviour } from '../../../simulator/types';

let clock: ManualClock;
let config: SimConfig;
let terminals: TerminalRegistry;
let engine: Engine;
let sent: WebhookOrder[];
let changes: number;

function setup(behaviour: Behaviour = 'manual'): void {
  clock = new ManualClock();
  config = defaultConfig();
  terminals = new TerminalRegistry({ behaviour, approveDelayMs: 2_000 });
  terminals.add({ serialNumber: 'T1' });
  sent = [];
  changes = 0;
  engine = new Engine({
    clock,
    timers: new TimerSet(clock),
    ids: new IdFactory(createRandom(1)),
    bus: new EventBus(),
    config,
    terminals,
    webhooks: { send: (order) => (sent.push(order), Promise.resolve()) },
    onChange: () => changes++,
  });
}

let n = 0;
function request(overrides: Partial<NewRequest> = {}): NewRequest {
  n += 1;
  return {
    uniqueReference: `r${n}`,
    merchantReference: true,
    apiVersion: 'v2',
    identifier: `r${n}`,
    serialNumber: 'T1',
    amountCents: 10_000,
    tipCents: 0,
    description: null,
    msi: 0,
    ttlSeconds: 60,
    showNotification: false,
    extras: {},
    magic: null,
    ...overrides,
  };
}

beforeEach(() => setup());

describe('state machine', () => {
  it('CREATED → APPROVED → REFUNDED, sending venta then devolucion', () => {
    const r = engine.create(request({ tipCents: 500 }));
    expect(r.status).toBe('CREATED');
    expect(engine.approve(r.uniqueReference, { brand: 'VISA' }).ok).toBe(true);
    expect(engine.view(r.uniqueReference)?.transactionId).toMatch(/^\d{9}$/);
    expect(engine.refund(r.uniqueReference).ok).toBe(true);
    expect(engine.view(r.uniqueReference)?.status).toBe('REFUNDED');
    expect(sent.map((o) => [o.kind, o.amountCents, o.tipCents])).toEqual([
      ['venta', 10_000, 500],
      ['devolucion', 10_000, 500],
    ]);
    expect(changes).toBeGreaterThan(0);
  });

  it('expires CREATED requests at exactly their ttl', () => {
    const r = engine.create(request({ ttlSeconds: 30 }));
    clock.advance(29_999);
    expect(engine.view(r.uniqueReference)?.status).toBe('CREATED');
    clock.advance(1);
    expect(engine.view(r.uniqueReference)).toMatchObject({ status: 'CANCELLED', cancelledBy: 'ttl' });
  });

  it('never leaves a final state', () => {
    const r = engine.create(request());
    engine.cancel(r.uniqueReference, 'api');
    expect(engine.approve(r.uniqueReference).error?.code).toBe('not_pending');
    expect(engine.decline(r.uniqueReference).error?.code).toBe('not_pending');
    expect(engine.cancel(r.uniqueReference, 'customer').error?.code).toBe('not_pending');
    expect(engine.refund(r.uniqueReference).error?.code).toBe('not_approved');
    clock.advance(600_000);
    expect(engine.view(r.uniqueReference)).toMatchObject({ status: 'CANCELLED', cancelledBy: 'api' });
  });

  it('partial refunds add up to REFUNDED and cannot exceed the charge', () => {
    const r = engine.create(request({ amountCents: 1_000, tipCents: 100 }));
    engine.approve(r.uniqueReference);
    expect(engine.refund(r.uniqueReference, 600).ok).toBe(true);
    expect(engine.view(r.uniqueReference)?.status).toBe('APPROVED');
    expect(engine.refund(r.uniqueReference, 501).error?.code).toBe('invalid_input');
    expect(engine.refund(r.uniqueReference, 500).ok).toBe(true);
    expect(engine.view(r.uniqueReference)).toMatchObject({ status: 'REFUNDED', refundedCents: 1_100 });
    expect(sent.slice(1).map((o) => [o.amountCents, o.tipCents])).toEqual([
      [600, null],
      [500, null],
    ]);
  });

  it('declines keep CREATED and send a webhook unless switched off', () => {
    const r = engine.create(request());
    engine.decline(r.uniqueReference, 'rechazadaRiesgo');
    config.declineWebhooks = false;
    engine.decline(r.uniqueReference);
    expect(engine.view(r.uniqueReference)?.status).toBe('CREATED');
    expect(engine.view(r.uniqueReference)?.attempts).toHaveLength(2);
    expect(sent.map((o) => o.attempt.result)).toEqual(['rechazadaRiesgo']);
  });
});

describe('queue and behaviours', () => {
  it('one request on screen at a time, the next follows when the first is final', () => {
    const a = engine.create(request());
    const b = engine.create(request());
    expect(terminals.get('T1')).toMatchObject({ current: a.uniqueReference, queue: [b.uniqueReference] });
    expect(engine.approve(b.uniqueReference).error?.code).toBe('not_on_screen');
    engine.cancel(a.uniqueReference, 'customer');
    expect(terminals.get('T1')?.current).toBe(b.uniqueReference);
    expect(engine.view(b.uniqueReference)?.terminalState).toBe('on-screen');
  });

  it('auto-approve acts after the delay; a cancel first stops it', () => {
    setup('auto-approve');
    const a = engine.create(request());
    clock.advance(1_999);
    expect(engine.view(a.uniqueReference)?.status).toBe('CREATED');
    clock.advance(1);
    expect(engine.view(a.uniqueReference)?.status).toBe('APPROVED');
    const b = engine.create(request());
    engine.cancel(b.uniqueReference, 'api');
    clock.advance(10_000);
    expect(engine.view(b.uniqueReference)?.status).toBe('CANCELLED');
    expect(sent).toHaveLength(1);
  });

  it('magic .31 declines then approves', () => {
    const r = engine.create(request({ amountCents: 5_031, magic: '.31' }));
    clock.advance(4_000);
    expect(engine.view(r.uniqueReference)?.attempts.map((x) => x.result)).toEqual(['rechazada', 'aprobada']);
  });

  it('resume() puts the on-screen request back and re-arms its ttl', () => {
    const a = engine.create(request({ ttlSeconds: 10 }));
    const saved = structuredClone([...engine.requests.values()]);
    const savedTerminal = terminals.view('T1');
    setup();
    engine.requests.set(a.uniqueReference, saved[0]!);
    Object.assign(terminals.get('T1')!, { current: savedTerminal?.current, queue: savedTerminal?.queue });
    engine.resume();
    expect(terminals.get('T1')?.current).toBe(a.uniqueReference);
    clock.advance(10_000);
    expect(engine.view(a.uniqueReference)?.cancelledBy).toBe('ttl');
  });
});
