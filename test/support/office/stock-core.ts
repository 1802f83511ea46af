/**
 * A real core on a fresh data dir with the demo manager signed in, a movable clock, and the same
 * SQLite connection the core uses (from onDatabaseOpen) for setting up products the products area
 * would edit (track stock, cost) and for reading the ledger back.
 */
import type { Database } from 'better-sqlite3';
import type { Channel } from '../../../app/api/contract';
import { createCore, type Core } from '../../../app/host/create-core';
import { recordingLogger } from '../recording-logger';
import { signInDemoManager } from '../sign-in';
import { freshDataDir } from '../web-shell';

/** 2026-11-23 10:00 in Mexico City (UTC−6). */
export const STOCK_T0 = Date.UTC(2026, 10, 23, 16);

export interface StockCore {
  core: Core;
  db: Database;
  clock: { at: number; now: () => number };
  dataDir: string;
  call: <T>(channel: Channel, args: unknown) => Promise<T>;
  tick: (ms?: number) => number;
  /** A product's id by SKU. */
  productId: (sku: string) => number;
  /** Sets what the products area edits: stock tracking, cost, minimum. */
  setProduct: (sku: string, fields: { track?: boolean; cost?: number | null; min?: number | null }) => void;
  /** Sells `lines` (SKU → units) for exact cash and returns the sale id. */
  cashSale: (lines: Record<string, number>) => Promise<number>;
}

export async function stockCore(options: { dataDir?: string; startAt?: number } = {}): Promise<StockCore> {
  const clock = { at: options.startAt ?? STOCK_T0, now: () => clock.at };
  const dataDir = options.dataDir ?? freshDataDir('caja-stock-');
  let db: Database | undefined;
  const core = createCore({
    dataDir,
    shell: 'web',
    logger: recordingLogger().logger,
    clock,
    onDatabaseOpen: (opened) => {
      db = opened;
    },
  });
  if (!db) throw new Error('onDatabaseOpen did not run');
  const conn = db;
  await signInDemoManager(core);
  const call = async <T>(channel: Channel, args: unknown): Promise<T> => {
    const reply = await core.dispatch(channel, args);
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as T;
  };
  const productId = (sku: string) =>
    conn.prepare<[string], { id: number }>(`SELECT id FROM products WHERE sku = ?`).get(sku)!.id;
  return {
    core,
    db: conn,
    clock,
    dataDir,
    call,
    tick: (ms = 60_000) => (clock.at += ms),
    productId,
    setProduct: (sku, fields) => {
      const id = productId(sku);
      if (fields.track !== undefined) {
        conn.prepare(`UPDATE products SET track_stock = ? WHERE id = ?`).run(fields.track ? 1 : 0, id);
      }
      if (fields.cost !== undefined)
        conn.prepare(`UPDATE products SET cost_centavos = ? WHERE id = ?`).run(fields.cost, id);
      if (fields.min !== undefined) {
        conn.prepare(`UPDATE products SET min_stock_milli = ? WHERE id = ?`).run(fields.min, id);
      }
    },
    cashSale: async (lines) => {
      let cart:
        { saleId: number; totals: { total: number }; lines: { id: number; sku: string }[] } | undefined;
      for (const [sku, units] of Object.entries(lines)) {
        cart = await call<typeof cart & object>('sales.cart.addProduct', {
          productId: productId(sku),
          quantity: units,
        });
      }
      if (!cart) throw new Error('no lines');
      await call('payments.cash.pay', { tendered: cart.totals.total });
      return cart.saleId;
    },
  };
}
