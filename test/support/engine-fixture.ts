/**
 * The payment engine alone, for unit tests: a real SQLite file through the real repos, manual time
 * (clock and timers that move only when the test says), and a scripted fake gateway. Wired as
 * create-core wires it: the follow-ups (CardPushes, RefundSettlement) built first, then the engine.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Payment } from '../../app/domain/payment';
import type { VerificationTimings } from '../../app/domain/verification-schedule';
import { createEventBus } from '../../app/host/event-bus';
import { SqliteAuditLog } from '../../app/infra/db/audit.repo';
import { SqliteCatalogRepo } from '../../app/infra/db/catalog.repo';
import { SqliteRefundsRepo } from '../../app/infra/db/office/refunds/refunds.repo';
import { openDatabase } from '../../app/infra/db/open-database';
import { SqlitePaymentsRepo } from '../../app/infra/db/payments.repo';
import { SqliteSalesRepo } from '../../app/infra/db/sales.repo';
import { SqliteStockRepo } from '../../app/infra/db/office/stock/stock.repo';
import type { AppEvent } from '../../app/ports/event-bus.port';
import { CardPushes } from '../../app/services/payments/card-pushes';
import type { StatusFollowUps } from '../../app/services/payments/engine-follow-ups';
import { PaymentEngine } from '../../app/services/payments/payment-engine';
import { RefundSettlement } from '../../app/services/payments/refund-settlement';
import { FakeScriptedGateway, type GatewayScript } from './fake-scripted-gateway';
import { manualTime } from './manual-time';
import { recordingLogger } from './recording-logger';
import { freshDataDir } from './web-shell';

/** Timings whose every step is a whole second, so a test reads the schedule off the clock. */
export const TEST_TIMINGS: VerificationTimings = {
  delaysMs: [1_000, 2_000, 4_000],
  graceMs: 10_000,
  slowIntervalMs: 60_000,
};
export const TEST_TTL_SECONDS = 10;

/** Lets every promise the engine has in flight settle (the fake answers at once; SQLite is synchronous). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Builds the fixture; `followUps` replaces the production ones (to watch the engine call them). */
export function engineFixture(
  options: { script?: GatewayScript; timings?: VerificationTimings; followUps?: StatusFollowUps } = {},
) {
  const dataDir = freshDataDir('caja-engine-');
  const time = manualTime();
  const db = openDatabase(join(dataDir, 'caja.sqlite'));
  const payments = new SqlitePaymentsRepo(db);
  const sales = new SqliteSalesRepo(db);
  const audit = new SqliteAuditLog(db);
  const refunds = new SqliteRefundsRepo(db);
  const catalog = new SqliteCatalogRepo(db);
  const stock = new SqliteStockRepo(db);
  const { logger, entries: logged } = recordingLogger();
  const events = createEventBus(logger);
  const published: AppEvent[] = [];
  events.subscribe((event) => published.push(event));
  const timings = options.timings ?? TEST_TIMINGS;
  const gateway = new FakeScriptedGateway(time.clock, options.script ?? {});
  const pushes = new CardPushes({ payments, gateway: () => gateway, timings });
  const settlement = new RefundSettlement({ payments, refunds, gateway: () => gateway, timings });
  const build = () =>
    new PaymentEngine({
      payments,
      sales,
      stock,
      gateway: () => gateway,
      clock: time.clock,
      timers: time.timers,
      events,
      audit,
      logger,
      timings,
      followUps: options.followUps ?? {
        afterStatus: (payment, view, ops) => settlement.afterStatus(payment, view, ops),
        onNotRegistered: (payment, ops) => pushes.onNotRegistered(payment, ops),
      },
    });
  catalog.insertMany(
    [
      {
        sku: 'BEB-001',
        barcode: null,
        name: 'Agua 1 L',
        price: 2000,
        ivaRateBp: 1600,
        category: 'Bebidas',
        active: true,
      },
    ],
    time.clock.now(),
  );
  const product = catalog.findByCode('BEB-001')!;
  let engine = build();
  return {
    time,
    payments,
    sales,
    stock,
    gateway,
    published,
    logged,
    get engine() {
      return engine;
    },
    /** A new engine on the same database and clock, as after a restart; the old one is stopped. */
    restart(): PaymentEngine {
      engine.stop();
      engine = build();
      return engine;
    },
    /** A $20.00 sale with a card payment stored and its push sent, as the card use case does it. */
    async startCard(): Promise<Payment> {
      const now = time.clock.now();
      const saleId = sales.openSaleId(now);
      sales.addProduct(saleId, product, 1, now);
      const reference = `ref${saleId}`;
      const payment = payments.insert(
        {
          saleId,
          method: 'card',
          status: 'requested',
          amount: 2000,
          identifier: reference,
          uniqueReference: reference,
          terminalSerial: 'CAJA01',
          ttlSeconds: TEST_TTL_SECONDS,
        },
        now,
      );
      await engine.withLock(payment.id, () => pushes.send(payment.id, engine));
      return payments.get(payment.id)!;
    },
    /** The payment as stored now. */
    payment(id: number): Payment {
      return payments.get(id)!;
    },
    /**
     * Moves the clock one second at a time up to `ms` later, letting each verification finish
     * before the next second: the engine arms its next timer only after a check's answer.
     */
    async runFor(ms: number): Promise<void> {
      for (let left = ms; left > 0; left -= 1_000) {
        time.advance(Math.min(1_000, left));
        await settle();
      }
    },
    close(): void {
      engine.stop();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A running fixture. */
export type EngineFixture = ReturnType<typeof engineFixture>;
