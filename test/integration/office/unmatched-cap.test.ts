/**
 * Issue 11 finding 6, app side: a flood of forged webhooks that match no payment is capped. On the
 * real core and SQLite file: up to UNMATCHED_KEPT_IN_FULL unverified, unreviewed ones are stored in
 * full, the rest only counted per store day and kind, and the office's open items sum them up
 * instead of listing them. Verified ones are always kept. See [Note: unmatched webhooks are capped].
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { UNMATCHED_KEPT_IN_FULL, type HomeCounts, type OpenItems } from '../../../app/domain/office/refunds';
import { createCore, type Core } from '../../../app/host/create-core';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoManager } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

let core: Core;
afterEach(() => core?.close());

// 2026-03-10 18:00 in Mexico City: the overflow's store day is fixed.
const NOW = Date.parse('2026-03-11T00:00:00Z');

async function call<T>(channel: Parameters<Core['dispatch']>[0], args: unknown): Promise<T> {
  const reply = await core.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code}`);
  return reply.value as T;
}

function forged(n: number): Record<string, unknown> {
  return { result: 'aprobada', uniqueReference: `forged-${n}`, transactionType: 'venta', amount: '1.00' };
}

function count(sql: string): number {
  const db = new BetterSqlite3(core.databaseFile, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('unmatched webhooks are capped', () => {
  it('keeps 500 unverified ones in full, counts the rest per day and kind, always keeps verified ones', async () => {
    core = createCore({
      dataDir: freshDataDir(),
      shell: 'web',
      logger: recordingLogger().logger,
      clock: { now: () => NOW },
    });
    const flood = UNMATCHED_KEPT_IN_FULL + 20;
    for (let n = 0; n < flood; n++)
      core.inbound.accept({ eventId: `f-${n}`, payload: forged(n), receivedAt: NOW });
    for (let n = 0; n < 3; n++)
      core.inbound.accept({
        eventId: `junk-${n}`,
        payload: { result: 'aprobada', transactionType: 'consulta', n },
        receivedAt: NOW,
      });
    for (let n = 0; n < 2; n++) {
      core.inbound.accept({
        eventId: `signed-${n}`,
        payload: forged(10_000 + n),
        receivedAt: NOW,
        signature: 'verified',
      });
    }

    expect(count(`SELECT COUNT(*) AS n FROM payment_events WHERE payment_id IS NULL`)).toBe(
      UNMATCHED_KEPT_IN_FULL + 2,
    );
    expect(count(`SELECT COUNT(*) AS n FROM payment_events WHERE bp_signature = 'verified'`)).toBe(2);

    await signInDemoManager(core);
    const items = await call<OpenItems>('office.openItems.list', {});
    expect(items.unmatchedWebhooks).toHaveLength(100);
    expect(items.unmatchedNotListed).toBe(UNMATCHED_KEPT_IN_FULL + 2 - 100);
    expect(items.unmatchedOverflow).toEqual([
      { day: '2026-03-10', kind: 'other', count: 3, firstAt: NOW, lastAt: NOW },
      { day: '2026-03-10', kind: 'sale', count: 20, firstAt: NOW, lastAt: NOW },
    ]);
    expect(await call<HomeCounts>('office.home.get', {})).toMatchObject({
      unmatchedWebhooks: UNMATCHED_KEPT_IN_FULL + 2,
    });

    // A manager's review makes room again, at a person's pace.
    const oldest = items.unmatchedWebhooks.find(
      (w) => Number(w.uniqueReference?.slice('forged-'.length)) < flood,
    );
    await call('office.openItems.acknowledgeWebhook', { eventId: oldest?.eventId });
    core.inbound.accept({ eventId: 'after-review', payload: forged(20_000), receivedAt: NOW });
    core.inbound.accept({ eventId: 'after-review-2', payload: forged(20_001), receivedAt: NOW });
    expect(count(`SELECT COUNT(*) AS n FROM payment_events WHERE unique_reference LIKE 'forged-2000_'`)).toBe(
      1,
    );
    const again = await call<OpenItems>('office.openItems.list', {});
    expect(again.unmatchedOverflow.find((o) => o.kind === 'sale')?.count).toBe(21);
  });
});
