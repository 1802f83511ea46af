import { expect, type Page } from '@playwright/test';
import { INVOKE_CHANNELS } from '../../../app/api/channels';
import { sampleArgs } from '../../support/sample-args';

/**
 * Scans one product (so cart channels have a line to act on), then calls every contract channel
 * once with a valid sample argument through `window.caja`, and checks that none answered
 * `internal` and that no reply contains `secret`. Returns the replies by channel. `signInBeforeEach` signs that user in again before
 * every call, for callers that must stay a manager although some channels end the session.
 */
export async function expectNoChannelReveals(
  page: Page,
  secret: string,
  signInBeforeEach?: { userId: number; pin: string },
): Promise<Record<string, unknown>> {
  const scanned = await page.evaluate(() => window.caja!.invoke('sales.cart.scan', { code: 'LIM-003' }));
  if (!scanned.ok) throw new Error('scan failed');
  const args = sampleArgs({
    productId: scanned.value.product.id,
    lineId: scanned.value.cart.lines[0]?.id ?? 0,
    barcode: 'LIM-004',
  });
  const replies = await page.evaluate(
    async ({ all, again }) => {
      const invoke = window.caja!.invoke as (channel: string, args: unknown) => Promise<unknown>;
      const out: Record<string, unknown> = {};
      for (const [channel, arg] of Object.entries(all)) {
        if (again) await invoke('session.signIn', again);
        out[channel] = await invoke(channel, arg);
      }
      return out;
    },
    { all: args, again: signInBeforeEach ?? null },
  );
  expect(Object.keys(replies).sort()).toEqual([...INVOKE_CHANNELS].sort());
  for (const [channel, reply] of Object.entries(replies)) {
    const envelope = reply as { ok: boolean; error?: { code: string } };
    // Some calls fail by design (no terminal, nothing to refund); none may leak or crash.
    expect(envelope.ok || envelope.error?.code !== 'internal', channel).toBe(true);
    expect(JSON.stringify(reply), channel).not.toContain(secret);
  }
  return replies;
}
