import type { Migration } from './migration';

/**
 * Issue 11 findings 4 and 6: how far a webhook can be trusted, and a bound on the ones that match
 * no payment.
 * - `payment_events.bp_signature`: the relay's verdict on Billpocket's signature for a webhook row.
 *   NULL on rows written before this version (and on every non-webhook row): read as unverified.
 * - `payments.card_signature`: the verdict of the webhook the card fields came from. Fields stored
 *   before this version came from a webhook whose signature nobody recorded: unverified.
 * - `unmatched_webhook_overflow`: webhooks matching no payment past the cap of rows kept in full
 *   (see [Note: unmatched webhooks are capped] in inbound-webhooks.service.ts), counted per store
 *   day and kind instead of stored.
 */
export const migration007: Migration = {
  version: 7,
  name: 'webhook evidence',
  up(db) {
    db.exec(`
      ALTER TABLE payment_events ADD COLUMN bp_signature TEXT
        CHECK (bp_signature IS NULL OR bp_signature IN ('verified', 'unverified'));
      ALTER TABLE payments ADD COLUMN card_signature TEXT
        CHECK (card_signature IS NULL OR card_signature IN ('verified', 'unverified'));
      UPDATE payments SET card_signature = 'unverified'
        WHERE card_brand IS NOT NULL OR card_last4 IS NOT NULL OR authorization_code IS NOT NULL;

      CREATE TABLE unmatched_webhook_overflow (
        -- The store's calendar day (America/Mexico_City), 'YYYY-MM-DD'.
        day       TEXT NOT NULL CHECK (length(day) = 10),
        -- What the webhook said it was: a closed set, so a forger cannot mint rows with his own text.
        kind      TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'other', 'not_webhook')),
        count     INTEGER NOT NULL CHECK (count > 0),
        first_at  INTEGER NOT NULL,
        last_at   INTEGER NOT NULL,
        PRIMARY KEY (day, kind)
      ) STRICT;
    `);
  },
};
