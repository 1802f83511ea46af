// Runtime settings that tests and the control API can change while the simulator runs.
import type { WebhookFault } from '../types';

/** Default webhook retry schedule (§8 #13): 3 retries at 10 s, 60 s and 300 s, in simulated ms. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [10_000, 60_000, 300_000];

/** The 2 s reply limit of Billpocket's webhook spec (§3.1); real time, never scaled. */
export const DEFAULT_REPLY_TIMEOUT_MS = 2_000;

/** Mutable simulator settings. */
export interface SimConfig {
  /** Where webhooks go; only http://127.0.0.1 targets are accepted. */
  webhookUrl: string | null;
  /** Send `rechazada…` webhooks for declines (§8 #9); false mimics Billpocket's "only approved" rule. */
  declineWebhooks: boolean;
  /** After a decline: keep the request CREATED so the customer can retry (§8 #9), or cancel it at once. */
  afterDecline: 'stay-created' | 'cancel';
  /** Body of the push 201: the §8 #1 placeholder, or empty as one client observed. */
  pushResponseBody: 'default' | 'empty';
  /** Whether magic amounts override terminal behaviour. */
  magicAmounts: boolean;
  /** Reject unknown body fields with 002 (class-validator `forbidNonWhitelisted` style). */
  rejectUnknownFields: boolean;
  /** Global webhook fault, applied to the next `count` events. */
  webhookFault: WebhookFault;
  /** Retry delays after a failed attempt, simulated ms. */
  retryScheduleMs: number[];
  /** Real ms to wait for the receiver's 200. */
  replyTimeoutMs: number;
  /** RSA-SHA256 signing of webhook bodies (§8 #12). */
  signWebhooks: boolean;
  /** Key index sent in `X-BP-SignatureKey` and used in `/webhook/{index}.pem`. */
  signingKeyIndex: string;
  /** `userID` in webhook payloads. */
  userId: number;
}

/** The defaults, before options are applied. */
export function defaultConfig(): SimConfig {
  return {
    webhookUrl: null,
    declineWebhooks: true,
    afterDecline: 'stay-created',
    pushResponseBody: 'default',
    magicAmounts: true,
    rejectUnknownFields: true,
    webhookFault: { mode: 'none' },
    retryScheduleMs: [...DEFAULT_RETRY_SCHEDULE_MS],
    replyTimeoutMs: DEFAULT_REPLY_TIMEOUT_MS,
    signWebhooks: false,
    signingKeyIndex: '1',
    userId: 1234,
  };
}

/** Checks that a webhook URL targets 127.0.0.1 over http: the simulator never sends anywhere else. */
export function checkWebhookUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'webhook URL is not a valid URL';
  }
  if (parsed.protocol !== 'http:') return 'webhook URL must use http:// (loopback only)';
  if (parsed.hostname !== '127.0.0.1') return 'webhook URL host must be 127.0.0.1';
  if (parsed.username || parsed.password) return 'webhook URL must not carry credentials';
  return null;
}
