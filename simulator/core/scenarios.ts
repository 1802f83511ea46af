// A scenario is what the virtual terminal will do with one request: chosen by a magic amount when the amount's
// cents match the table below, otherwise by the terminal's behaviour. Keep this table and README.md in sync.
import type { Behaviour, DeclineResult, PushResponseFault, WebhookFault } from '../types';
import type { Cents } from './money';

/** One thing the terminal does, each after the terminal's approve delay. */
export type ScenarioStep =
  { action: 'approve' } | { action: 'decline'; result: DeclineResult } | { action: 'customer-cancel' };

/** The full plan for one request. */
export interface Scenario {
  steps: ScenarioStep[];
  /** A delivery fault for this request's webhooks, overriding the global one. */
  webhookFault?: WebhookFault;
  /** What happens to the push's HTTP response. */
  response: PushResponseFault;
  /** Refuse the push with this responseCode and create nothing. */
  pushError?: '100' | '101';
}

/** A row of the magic-amount table. */
export interface MagicAmount {
  cents: number;
  summary: string;
  scenario: Scenario;
}

const approve: ScenarioStep = { action: 'approve' };
const plain = (steps: ScenarioStep[], extra: Partial<Scenario> = {}): Scenario => ({
  steps,
  response: 'none',
  ...extra,
});

/** The magic-amount table, keyed by the amount's cents (tip excluded). */
export const MAGIC_AMOUNTS: readonly MagicAmount[] = [
  {
    cents: 13,
    summary: 'declined: rechazada',
    scenario: plain([{ action: 'decline', result: 'rechazada' }]),
  },
  {
    cents: 14,
    summary: 'declined: rechazadaProsa',
    scenario: plain([{ action: 'decline', result: 'rechazadaProsa' }]),
  },
  {
    cents: 15,
    summary: 'declined: rechazadaRiesgo',
    scenario: plain([{ action: 'decline', result: 'rechazadaRiesgo' }]),
  },
  {
    cents: 31,
    summary: 'first card declined (rechazada), second card approved',
    scenario: plain([{ action: 'decline', result: 'rechazada' }, approve]),
  },
  { cents: 51, summary: 'timeout: nobody taps, CANCELLED at ttl', scenario: plain([]) },
  {
    cents: 52,
    summary: 'customer cancels on the terminal',
    scenario: plain([{ action: 'customer-cancel' }]),
  },
  {
    cents: 61,
    summary: 'approved; webhook dropped',
    scenario: plain([approve], { webhookFault: { mode: 'drop' } }),
  },
  {
    cents: 62,
    summary: 'approved; webhook delivered twice',
    scenario: plain([approve], { webhookFault: { mode: 'duplicate', copies: 2 } }),
  },
  {
    cents: 63,
    summary: 'approved; webhook delayed 30 s',
    scenario: plain([approve], { webhookFault: { mode: 'delay', delayMs: 30_000 } }),
  },
  {
    cents: 64,
    summary: 'approved; a stale decline webhook arrives after the approval',
    scenario: plain([approve], { webhookFault: { mode: 'out-of-order' } }),
  },
  {
    cents: 65,
    summary: 'approved at once; webhook arrives before the push gets its 201',
    // The push handler approves on the spot when the terminal is free; the step covers a queued request.
    scenario: plain([approve], { response: 'early-webhook' }),
  },
  {
    cents: 71,
    summary: 'push registered, HTTP response lost (connection reset); then approved',
    scenario: plain([approve], { response: 'lost' }),
  },
  {
    cents: 72,
    summary: 'push 201 held back 35 s; then approved',
    scenario: plain([approve], { response: 'slow' }),
  },
  { cents: 91, summary: 'push refused: responseCode 100', scenario: plain([], { pushError: '100' }) },
  { cents: 92, summary: 'push refused: responseCode 101', scenario: plain([], { pushError: '101' }) },
];

/** How long the `slow` push response is held, in simulated ms (longer than a typical 30 s client timeout). */
export const SLOW_RESPONSE_MS = 35_000;

/** The magic row matching an amount, or null. */
export function findMagicAmount(amountCents: Cents): MagicAmount | null {
  const cents = Math.abs(amountCents) % 100;
  return MAGIC_AMOUNTS.find((m) => m.cents === cents) ?? null;
}

/** The scenario a terminal behaviour implies. `offline` never gets here: such pushes are refused with 101. */
export function scenarioForBehaviour(behaviour: Behaviour): Scenario {
  switch (behaviour) {
    case 'auto-approve':
      return plain([approve]);
    case 'auto-decline':
      return plain([{ action: 'decline', result: 'rechazada' }]);
    case 'customer-cancel':
      return plain([{ action: 'customer-cancel' }]);
    case 'timeout':
    case 'manual':
    case 'offline':
      return plain([]);
  }
}
