// Options of `createSimulator` and how they become the initial configuration.
import type { Clock } from './core/clock';
import { defaultConfig, type SimConfig } from './core/config';
import type { Behaviour, TerminalInit, WebhookFault } from './types';

/** Token used when none is given (a development convenience; pass your own in anything shared). */
export const DEFAULT_TOKEN = 'kushki-simulator-token';
/** Serial of the terminal created when none is given: the one in Kushki's own request example. */
export const DEFAULT_SERIAL = 'TERM123';
/** Simulated ms before an auto behaviour acts. */
export const DEFAULT_APPROVE_DELAY_MS = 2_000;

/** Everything `createSimulator` accepts; every field is optional. */
export interface SimulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) lets the OS choose. */
  port?: number;
  /** Expected `X-BP-AUTH` value. */
  token?: string;
  /** Terminals to create: serials or full settings. Default: one `TERM123`. */
  terminals?: (string | TerminalInit)[];
  /** Behaviour of terminals created without one. Default `auto-approve`. */
  behaviour?: Behaviour;
  /** Simulated ms before an auto behaviour acts. Default 2000. */
  approveDelayMs?: number;
  /** Webhook target (http://127.0.0.1 only). */
  webhookUrl?: string | null;
  /** Simulated time runs 1/timeScale times faster than real time (see [Note: simulated time]). Default 1. */
  timeScale?: number;
  /** A clock of your own (e.g. ManualClock); overrides timeScale. */
  clock?: Clock;
  /** Seed of the id generator, for reproducible transaction ids. */
  seed?: number;
  /** JSON file that keeps terminals and requests across restarts. */
  stateFile?: string;
  /** Webhook delivery settings. */
  webhooks?: {
    retryScheduleMs?: number[];
    replyTimeoutMs?: number;
    sign?: boolean;
    keyIndex?: string;
    privateKeyPem?: string;
    declineWebhooks?: boolean;
    fault?: WebhookFault;
  };
  afterDecline?: SimConfig['afterDecline'];
  pushResponseBody?: SimConfig['pushResponseBody'];
  magicAmounts?: boolean;
  rejectUnknownFields?: boolean;
}

/** The initial config implied by the options. */
export function configFromOptions(options: SimulatorOptions): SimConfig {
  const config = defaultConfig();
  const hooks = options.webhooks ?? {};
  if (options.webhookUrl !== undefined) config.webhookUrl = options.webhookUrl;
  if (hooks.retryScheduleMs) config.retryScheduleMs = [...hooks.retryScheduleMs];
  if (hooks.replyTimeoutMs !== undefined) config.replyTimeoutMs = hooks.replyTimeoutMs;
  if (hooks.sign !== undefined) config.signWebhooks = hooks.sign;
  if (hooks.keyIndex !== undefined) config.signingKeyIndex = hooks.keyIndex;
  if (hooks.declineWebhooks !== undefined) config.declineWebhooks = hooks.declineWebhooks;
  if (hooks.fault) config.webhookFault = { ...hooks.fault };
  if (options.afterDecline) config.afterDecline = options.afterDecline;
  if (options.pushResponseBody) config.pushResponseBody = options.pushResponseBody;
  if (options.magicAmounts !== undefined) config.magicAmounts = options.magicAmounts;
  if (options.rejectUnknownFields !== undefined) config.rejectUnknownFields = options.rejectUnknownFields;
  return config;
}

/** The terminal list implied by the options. */
export function terminalsFromOptions(options: SimulatorOptions): TerminalInit[] {
  const list = options.terminals ?? [DEFAULT_SERIAL];
  return list.map((t) => (typeof t === 'string' ? { serialNumber: t } : { ...t }));
}
