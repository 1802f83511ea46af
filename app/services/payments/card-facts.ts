/**
 * [Note: card facts are written once]
 * get-status carries no card fields (cloud-terminal-api.md §2.3), so a webhook is their only source,
 * and anyone who learns a store's ingress URL can post one naming a payment's uniqueReference (it is
 * printed on the receipt). Issue 11 finding 4 saw a forged webhook rewrite brand, last four and
 * authorization on a real payment and its receipt. So:
 * - card fields (brand, last four, authorization code) come only from an approved `venta` webhook —
 *   a decline names a card that did not pay, a `devolucion` carries the refund's own authorization;
 * - they are written once, as a group, with the signature verdict of the webhook they came from
 *   (`payments.card_signature`), and a later webhook never rewrites them;
 * - one exception: a webhook whose Billpocket signature the relay verified replaces fields that came
 *   from an unverified one. A forger cannot make that signature, and it corrects a forgery that got
 *   in ahead of Kushki's own webhook;
 * - a later webhook with other card fields is recorded on the ledger (`card_facts_kept`), so the
 *   manager's timeline shows the attempt, and changes nothing.
 * The office marks fields and webhooks that are not verified (payment detail and timeline).
 */
import type { Payment, WebhookSignature } from '../../domain/payment';
import type { PaymentPatch } from '../../ports/payments.port';
import type { WebhookFacts } from './webhook-facts';

/** Ledger kind of a webhook whose card fields differ from the ones kept. */
export const CARD_FACTS_KEPT = 'card_facts_kept';

/** What to do with a webhook's card fields. */
export type CardFactsDecision =
  { action: 'write'; patch: PaymentPatch } | { action: 'keep'; differs: boolean } | { action: 'none' };

type CardFields = Pick<Payment, 'cardBrand' | 'cardLast4' | 'authorizationCode' | 'cardSignature'>;

/** Decides whether `facts` may set the payment's card fields. Pure; see the note above. */
export function decideCardFacts(
  current: CardFields,
  facts: WebhookFacts,
  signature: WebhookSignature,
): CardFactsDecision {
  const carries = facts.cardBrand !== null || facts.cardLast4 !== null || facts.authorizationCode !== null;
  if (facts.kind !== 'sale' || !facts.approved || !carries) return { action: 'none' };
  const upgrade = current.cardSignature === 'unverified' && signature === 'verified';
  if (current.cardSignature === null || upgrade) {
    return {
      action: 'write',
      patch: {
        cardBrand: facts.cardBrand,
        cardLast4: facts.cardLast4,
        authorizationCode: facts.authorizationCode,
        cardSignature: signature,
      },
    };
  }
  const differs =
    facts.cardBrand !== current.cardBrand ||
    facts.cardLast4 !== current.cardLast4 ||
    facts.authorizationCode !== current.authorizationCode;
  return { action: 'keep', differs };
}
