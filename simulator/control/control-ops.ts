// Control actions shared by the library facade and the `/_sim/` HTTP routes, so both behave identically.
import { checkWebhookUrl, type SimConfig } from '../core/config';
import type { ApproveOptions } from '../core/engine';
import { toCents } from '../core/money';
import { fail, ok, type Result } from '../core/result';
import type { Runtime } from '../core/runtime';
import type { CardBrand, DeclineResult, RequestView, TerminalInit, WebhookFault } from '../types';
import type { ConfigPatch } from './control-schemas';

/** Approval options with the tip as a wire amount (pesos), as tests and the page give it. */
export interface ApproveInput {
  brand?: CardBrand;
  last4?: string;
  /** Tip typed on the terminal, in pesos; needs `extras.enableDialogTip`. */
  tip?: number;
}

/** Approves the request on its terminal. */
export function approveRequest(runtime: Runtime, ref: string, input: ApproveInput = {}): Result<RequestView> {
  const options: ApproveOptions = {};
  if (input.brand !== undefined) options.brand = input.brand;
  if (input.last4 !== undefined) options.last4 = input.last4;
  if (input.tip !== undefined) {
    const cents = toCents(input.tip);
    if (cents === null || cents < 0) return fail('invalid_input', 'tip must be >= 0 with at most 2 decimals');
    options.tipCents = cents;
  }
  const result = runtime.engine.approve(ref, options);
  return result.ok ? ok(result.value.view) : result;
}

/** Declines the card on the request's terminal. */
export function declineRequest(
  runtime: Runtime,
  ref: string,
  input: { result?: DeclineResult; brand?: CardBrand } = {},
): Result<RequestView> {
  return runtime.engine.decline(ref, input.result ?? 'rechazada', input.brand);
}

/** The customer (or clerk) presses Cancel on the terminal. */
export function customerCancel(runtime: Runtime, ref: string): Result<RequestView> {
  return runtime.engine.cancel(ref, 'customer');
}

/** Expires the request now, as if its ttl had run out. */
export function expireRequest(runtime: Runtime, ref: string): Result<RequestView> {
  return runtime.engine.cancel(ref, 'ttl');
}

/** Sets (or clears, with null) the webhook URL; only http://127.0.0.1 is accepted. */
export function setWebhookUrl(runtime: Runtime, url: string | null): Result<null> {
  if (url !== null) {
    const problem = checkWebhookUrl(url);
    if (problem) return fail('forbidden_target', problem);
  }
  runtime.config.webhookUrl = url;
  runtime.changed();
  return ok(null);
}

/** Sets the global webhook fault. */
export function setWebhookFault(runtime: Runtime, fault: WebhookFault): Result<WebhookFault> {
  runtime.config.webhookFault = { ...fault };
  return ok(runtime.config.webhookFault);
}

/** Makes the next `count` pushes fail with responseCode 100 or 101. */
export function injectPushFault(runtime: Runtime, responseCode: '100' | '101', count = 1): void {
  runtime.pushFaults.push({ responseCode, remaining: count });
}

/** Applies a config patch. */
export function updateConfig(runtime: Runtime, patch: ConfigPatch): Result<SimConfig> {
  if (patch.webhookUrl !== undefined) {
    const set = setWebhookUrl(runtime, patch.webhookUrl);
    if (!set.ok) return set;
  }
  const { webhookUrl: _url, ...rest } = patch;
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (runtime.config as unknown as Record<string, unknown>)[key] = value;
  }
  runtime.changed();
  return ok(publicConfig(runtime.config));
}

/** A copy of the config, safe to hand out (it holds no secret; the token lives elsewhere). */
export function publicConfig(config: SimConfig): SimConfig {
  return structuredClone(config);
}

/** What `reset` restores. */
export interface InitialState {
  config: SimConfig;
  terminals: TerminalInit[];
}

/** Forgets every request, attempt, log entry and fault and restores the initial terminals and config. */
export function resetRuntime(runtime: Runtime, initial: InitialState): void {
  runtime.engine.clear();
  runtime.timers.clear();
  runtime.webhooks.clear();
  runtime.httpLog.length = 0;
  runtime.tickets.length = 0;
  runtime.pushFaults.length = 0;
  Object.assign(runtime.config, structuredClone(initial.config));
  runtime.terminals.records.clear();
  for (const terminal of initial.terminals) runtime.terminals.add(terminal);
  runtime.bus.emit({ type: 'reset' });
  runtime.changed();
}
