// The composition of one simulator instance: state, engine, webhooks and logs. The HTTP server, the control
// API and the library facade all work on a Runtime; none of them keeps state of its own.
import { TimerSet, type Clock } from './clock';
import type { SimConfig } from './config';
import { Engine } from './engine';
import { EventBus } from './event-bus';
import { IdFactory } from './ids';
import { createRandom } from '../../common/random/prng';
import { TerminalRegistry, type TerminalDefaults } from './terminals';
import { WebhookDispatcher } from '../webhooks/dispatcher';
import { WebhookSigner } from '../webhooks/signer';
import type { HttpLogEntry, PrintedTicket } from '../types';

/** Most HTTP log entries kept; older ones are dropped so a long fuzz or bench run cannot exhaust memory. */
export const HTTP_LOG_LIMIT = 5_000;

/** A responseCode the next pushes will be refused with (control-API fault injection). */
export interface PushFault {
  responseCode: '100' | '101';
  remaining: number;
}

/** Everything one simulator instance owns. */
export interface Runtime {
  config: SimConfig;
  clock: Clock;
  timers: TimerSet;
  ids: IdFactory;
  bus: EventBus;
  terminals: TerminalRegistry;
  engine: Engine;
  webhooks: WebhookDispatcher;
  signer: WebhookSigner;
  tickets: PrintedTicket[];
  httpLog: HttpLogEntry[];
  pushFaults: PushFault[];
  token: string;
  /** Called after any change worth persisting. */
  changed: () => void;
  /** Appends to the HTTP log and announces it. */
  logHttp: (entry: Omit<HttpLogEntry, 'seq'>) => void;
}

/** Inputs of `createRuntime`. */
export interface RuntimeInit {
  config: SimConfig;
  clock: Clock;
  token: string;
  seed: number;
  defaults: TerminalDefaults;
  signingKeyPem: string | null;
  onChange: () => void;
}

/** Wires a Runtime. */
export function createRuntime(init: RuntimeInit): Runtime {
  const timers = new TimerSet(init.clock);
  const ids = new IdFactory(createRandom(init.seed));
  const bus = new EventBus();
  const terminals = new TerminalRegistry(init.defaults);
  const signer = new WebhookSigner(init.signingKeyPem);
  const webhooks = new WebhookDispatcher({
    config: init.config,
    clock: init.clock,
    timers,
    bus,
    ids,
    signer,
  });
  const engine = new Engine({
    clock: init.clock,
    timers,
    ids,
    bus,
    config: init.config,
    terminals,
    webhooks,
    onChange: init.onChange,
  });
  const httpLog: HttpLogEntry[] = [];
  let seq = 0;
  return {
    config: init.config,
    clock: init.clock,
    timers,
    ids,
    bus,
    terminals,
    engine,
    webhooks,
    signer,
    tickets: [],
    httpLog,
    pushFaults: [],
    token: init.token,
    changed: init.onChange,
    logHttp(entry) {
      const full = { ...entry, seq: ++seq };
      httpLog.push(full);
      if (httpLog.length > HTTP_LOG_LIMIT) httpLog.splice(0, httpLog.length - HTTP_LOG_LIMIT);
      bus.emit({ type: 'http.request', entry: full });
    },
  };
}

/** Takes the next injected push failure, if any. */
export function takePushFault(runtime: Runtime): '100' | '101' | null {
  const fault = runtime.pushFaults[0];
  if (!fault) return null;
  fault.remaining -= 1;
  if (fault.remaining <= 0) runtime.pushFaults.shift();
  return fault.responseCode;
}
