// Library entry: `createSimulator(options)` starts a Kushki Cloud Terminal simulator on 127.0.0.1 and returns a
// typed handle for tests and the app's demo mode. See simulator/README.md for the HTTP surfaces.
import { createScaledClock } from './core/clock';
import { ok, type Result } from './core/result';
import { createRuntime, type Runtime } from './core/runtime';
import { MAGIC_AMOUNTS } from './core/scenarios';
import * as ops from './control/control-ops';
import type { ConfigPatch } from './control/control-schemas';
import { startServer } from './http/server';
import {
  configFromOptions,
  DEFAULT_APPROVE_DELAY_MS,
  DEFAULT_TOKEN,
  terminalsFromOptions,
  type SimulatorOptions,
} from './options';
import { loadState, StateSaver, type SavedState } from './persistence/state-file';
import type {
  Behaviour,
  CardBrand,
  DeclineResult,
  HttpLogEntry,
  PrintedTicket,
  RequestStatus,
  RequestView,
  SimEvent,
  TerminalInit,
  TerminalView,
  WebhookAttempt,
  WebhookFault,
} from './types';
import { DEFAULT_WAIT_MS, waitUntil } from './wait';
import type { SimConfig } from './core/config';

export * from './types';
export type { SimulatorOptions } from './options';
export type { Result, SimError, SimErrorCode } from './core/result';
export type { SimConfig } from './core/config';
export type { ConfigPatch } from './control/control-schemas';
export { ManualClock, createScaledClock, type Clock } from './core/clock';
export { MAGIC_AMOUNTS } from './core/scenarios';
export { MSI_MINIMUM_CENTS } from './api/schemas';

/** A running simulator. */
export interface Simulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`; use it where the POS would use kushkicollect.billpocket.dev. */
  url: string;
  port: number;
  /** The `X-BP-AUTH` value the API expects. */
  token: string;
  /** Stops the server, cancels every timer and saves the state file. */
  close(): Promise<void>;
  /** Forgets requests, attempts, logs and faults; restores the initial terminals and settings. */
  reset(): void;
  terminals: {
    list(): TerminalView[];
    get(serial: string): TerminalView | undefined;
    create(init: TerminalInit): Result<TerminalView>;
    update(serial: string, patch: Omit<TerminalInit, 'serialNumber'>): Result<TerminalView>;
    setBehaviour(serial: string, behaviour: Behaviour, approveDelayMs?: number): Result<TerminalView>;
    setOnline(serial: string, online: boolean): Result<TerminalView>;
    /** Resolves with the request once one is on this terminal's screen. */
    waitForOnScreen(serial: string, timeoutMs?: number): Promise<RequestView>;
  };
  requests: {
    list(serial?: string): RequestView[];
    get(uniqueReference: string): RequestView | undefined;
    /** Resolves once the request has `status` (or satisfies the predicate). */
    waitFor(
      uniqueReference: string,
      status: RequestStatus | ((request: RequestView) => boolean),
      timeoutMs?: number,
    ): Promise<RequestView>;
  };
  /** Approves the card on the terminal (the request must be on screen). */
  approve(uniqueReference: string, options?: ops.ApproveInput): Result<RequestView>;
  /** Declines the card; the request stays CREATED unless `afterDecline` is 'cancel'. */
  decline(
    uniqueReference: string,
    options?: { result?: DeclineResult; brand?: CardBrand },
  ): Result<RequestView>;
  /** The customer presses Cancel on the terminal. */
  customerCancel(uniqueReference: string): Result<RequestView>;
  /** Expires the request now, as its ttl would. */
  expire(uniqueReference: string): Result<RequestView>;
  /** Sets or clears the webhook URL (http://127.0.0.1 only). */
  setWebhookUrl(url: string | null): Result<null>;
  webhooks: {
    attempts(uniqueReference?: string): WebhookAttempt[];
    setFault(fault: WebhookFault): void;
    clearFault(): void;
    /** Turns RSA-SHA256 signing on or off. */
    setSigning(enabled: boolean, keyIndex?: string): void;
    publicKeyPem(): string;
    /** Resolves with the first attempt (past or future) that satisfies the predicate. */
    waitFor(predicate: (attempt: WebhookAttempt) => boolean, timeoutMs?: number): Promise<WebhookAttempt>;
  };
  /** The next `count` pushes are refused with responseCode 100 or 101. */
  failNextPush(responseCode: '100' | '101', count?: number): void;
  config(): SimConfig;
  configure(patch: ConfigPatch): Result<SimConfig>;
  httpLog(): HttpLogEntry[];
  tickets(): PrintedTicket[];
  /** Subscribes to every simulator event; returns the unsubscribe function. */
  on(listener: (event: SimEvent) => void): () => void;
  magicAmounts: readonly { cents: number; summary: string }[];
}

/** Starts a simulator; resolves once it listens. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const config = configFromOptions(options);
  const initial: ops.InitialState = {
    config: structuredClone(config),
    terminals: terminalsFromOptions(options),
  };
  const saved: SavedState | null = options.stateFile ? loadState(options.stateFile) : null;
  let saver: StateSaver | null = null;
  const runtime: Runtime = createRuntime({
    config,
    clock: options.clock ?? createScaledClock(options.timeScale ?? 1),
    token: options.token ?? DEFAULT_TOKEN,
    seed: options.seed ?? Date.now() % 2_147_483_647,
    defaults: {
      behaviour: options.behaviour ?? 'auto-approve',
      approveDelayMs: options.approveDelayMs ?? DEFAULT_APPROVE_DELAY_MS,
    },
    signingKeyPem: options.webhooks?.privateKeyPem ?? saved?.signingKeyPem ?? null,
    onChange: () => saver?.schedule(),
  });
  if (saved) restore(runtime, saved);
  for (const terminal of initial.terminals) {
    if (!runtime.terminals.get(terminal.serialNumber)) {
      const added = runtime.terminals.add(terminal);
      if (!added.ok) throw new Error(added.error.message);
    }
  }
  if (config.webhookUrl !== null) {
    const set = ops.setWebhookUrl(runtime, config.webhookUrl);
    if (!set.ok) throw new Error(set.error.message);
  }
  if (options.stateFile) {
    const path = options.stateFile;
    saver = new StateSaver(path, () => snapshot(runtime));
    saver.flush(true);
  }
  const server = await startServer(runtime, initial, options.port ?? 0);
  return facade(runtime, initial, server, () => saver?.flush(true));
}

function facade(
  runtime: Runtime,
  initial: ops.InitialState,
  server: { url: string; port: number; close: () => Promise<void> },
  flush: () => void,
): Simulator {
  const { terminals, engine, bus } = runtime;
  const touched = (result: Result<unknown>): void => {
    if (result.ok) runtime.changed();
  };
  const update = (serial: string, patch: Omit<TerminalInit, 'serialNumber'>): Result<TerminalView> => {
    const updated = terminals.update(serial, patch);
    if (!updated.ok) return updated;
    touched(updated);
    const view = terminals.view(serial) as TerminalView;
    bus.emit({ type: 'terminal.updated', terminal: view });
    return ok(view);
  };
  return {
    url: server.url,
    port: server.port,
    token: runtime.token,
    async close() {
      // Save first: clearing the engine would otherwise persist an empty state.
      flush();
      runtime.timers.clear();
      await server.close();
    },
    reset: () => ops.resetRuntime(runtime, initial),
    terminals: {
      list: () => terminals.list(),
      get: (serial) => terminals.view(serial),
      create(init) {
        const added = terminals.add(init);
        touched(added);
        return added.ok ? ok(terminals.view(init.serialNumber) as TerminalView) : added;
      },
      update,
      setBehaviour: (serial, behaviour, approveDelayMs) =>
        update(serial, approveDelayMs === undefined ? { behaviour } : { behaviour, approveDelayMs }),
      setOnline: (serial, online) => update(serial, { online }),
      waitForOnScreen: (serial, timeoutMs = DEFAULT_WAIT_MS) =>
        waitUntil(
          bus,
          () => {
            const current = terminals.get(serial)?.current;
            return current ? engine.view(current) : undefined;
          },
          `a request on ${serial}'s screen`,
          timeoutMs,
        ),
    },
    requests: {
      list: (serial) =>
        [...engine.requests.keys()]
          .map((ref) => engine.view(ref) as RequestView)
          .filter((r) => serial === undefined || r.serialNumber === serial),
      get: (ref) => engine.view(ref),
      waitFor: (ref, status, timeoutMs = DEFAULT_WAIT_MS) =>
        waitUntil(
          bus,
          () => {
            const request = engine.view(ref);
            if (!request) return undefined;
            const matches = typeof status === 'function' ? status(request) : request.status === status;
            return matches ? request : undefined;
          },
          `${ref} to reach ${typeof status === 'function' ? 'the expected state' : status}`,
          timeoutMs,
        ),
    },
    approve: (ref, options) => ops.approveRequest(runtime, ref, options),
    decline: (ref, options) => ops.declineRequest(runtime, ref, options),
    customerCancel: (ref) => ops.customerCancel(runtime, ref),
    expire: (ref) => ops.expireRequest(runtime, ref),
    setWebhookUrl: (url) => ops.setWebhookUrl(runtime, url),
    webhooks: {
      attempts: (ref) =>
        runtime.webhooks.attempts
          .filter((a) => ref === undefined || a.uniqueReference === ref)
          .map((a) => ({ ...a })),
      setFault: (fault) => void ops.setWebhookFault(runtime, fault),
      clearFault: () => void ops.setWebhookFault(runtime, { mode: 'none' }),
      setSigning(enabled, keyIndex) {
        runtime.config.signWebhooks = enabled;
        if (keyIndex !== undefined) runtime.config.signingKeyIndex = keyIndex;
      },
      publicKeyPem: () => runtime.signer.publicKeyPem(),
      waitFor: (predicate, timeoutMs = DEFAULT_WAIT_MS) =>
        waitUntil(
          bus,
          (event) => {
            if (event === null) {
              const found = runtime.webhooks.attempts.find(predicate);
              return found ? { ...found } : undefined;
            }
            return event.type === 'webhook.attempt' && predicate(event.attempt) ? event.attempt : undefined;
          },
          'a matching webhook attempt',
          timeoutMs,
        ),
    },
    failNextPush: (code, count) => ops.injectPushFault(runtime, code, count),
    config: () => ops.publicConfig(runtime.config),
    configure: (patch) => ops.updateConfig(runtime, patch),
    httpLog: () => runtime.httpLog.map((e) => ({ ...e })),
    tickets: () => runtime.tickets.map((t) => ({ ...t })),
    on: (listener) => bus.on(listener),
    magicAmounts: MAGIC_AMOUNTS.map((m) => ({ cents: m.cents, summary: m.summary })),
  };
}

function snapshot(runtime: Runtime): SavedState {
  return {
    version: 1,
    savedAt: new Date().toISOString(),
    terminals: runtime.terminals.list(),
    requests: [...runtime.engine.requests.values()],
    signingKeyPem: runtime.config.signWebhooks ? runtime.signer.exportPrivateKeyPem() : null,
  };
}

function restore(runtime: Runtime, saved: SavedState): void {
  for (const terminal of saved.terminals) {
    const added = runtime.terminals.add({ ...terminal });
    if (added.ok) added.value.current = terminal.current;
    if (added.ok) added.value.queue = [...terminal.queue];
  }
  for (const request of saved.requests) runtime.engine.requests.set(request.uniqueReference, request);
  runtime.engine.resume();
}
