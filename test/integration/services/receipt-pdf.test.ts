import { describe, expect, it } from 'vitest';
import { createCore } from '../../../app/host/create-core';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoCashier } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

/** A core with one sale completed in cash, and the shell's PDF capability as given. */
async function coreWithSale(saveReceiptPdf?: (saleId: number) => Promise<boolean>) {
  const core = createCore({
    dataDir: freshDataDir(),
    shell: saveReceiptPdf ? 'electron' : 'web',
    logger: recordingLogger().logger,
    ...(saveReceiptPdf ? { saveReceiptPdf } : {}),
  });
  await signInDemoCashier(core);
  await core.dispatch('sales.cart.scan', { code: 'BEB-001' });
  const paid = await core.dispatch('payments.cash.pay', { tendered: 2000 });
  if (!paid.ok) throw new Error(paid.error.message);
  return { core, saleId: (paid.value as { payment: { saleId: number } }).payment.saleId };
}

describe('saving a receipt as PDF', () => {
  it('uses the desktop shell’s save for a completed sale, and refuses an unknown one', async () => {
    const asked: number[] = [];
    const { core, saleId } = await coreWithSale(async (id) => {
      asked.push(id);
      return true;
    });
    expect(await core.dispatch('sales.receipt.savePdf', { saleId })).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect(asked).toEqual([saleId]);
    const missing = await core.dispatch('sales.receipt.savePdf', { saleId: 999_999 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    expect(asked).toEqual([saleId]);
    core.close();
  });

  it('says unavailable in the web shell, where the print dialog saves PDFs', async () => {
    const { core, saleId } = await coreWithSale();
    const reply = await core.dispatch('sales.receipt.savePdf', { saleId });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('unavailable');
    core.close();
  });
});
