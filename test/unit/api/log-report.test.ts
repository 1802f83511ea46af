import { describe, expect, it } from 'vitest';
import {
  LOG_REPORT_WINDOW_MS,
  LOG_REPORTS_PER_WINDOW,
  logReportHandlers,
} from '../../../app/api/handlers/log-report.handlers';
import { createDispatch } from '../../../app/api/dispatch';
import { trivialHandlers } from '../../support/fake-handlers';
import { recordingLogger } from '../../support/recording-logger';

describe('app.log.report', () => {
  it('logs a renderer error under a fresh correlation id, and rate-limits a flood', async () => {
    let now = 1_000_000;
    const { logger, entries } = recordingLogger();
    const dispatch = createDispatch(
      trivialHandlers(logReportHandlers({ logger, clock: { now: () => now } })),
      logger,
      () => null,
    );
    const report = { source: 'boundary', screen: 'counter', message: 'boom', stack: 'at x' };
    const first = await dispatch('app.log.report', report);
    expect(first.ok).toBe(true);
    const id = first.ok ? (first.value as { correlationId: string }).correlationId : '';
    expect(entries.at(-1)).toMatchObject({
      level: 'error',
      message: 'renderer error',
      fields: { ...report, correlationId: id },
    });
    for (let i = 1; i < LOG_REPORTS_PER_WINDOW; i++)
      expect((await dispatch('app.log.report', report)).ok).toBe(true);
    const limited = await dispatch('app.log.report', report);
    expect(limited.ok ? 'ok' : limited.error.code).toBe('rate_limited');
    now += LOG_REPORT_WINDOW_MS;
    expect((await dispatch('app.log.report', report)).ok).toBe(true);
    expect(entries.some((e) => e.message.includes('dropped') && e.fields.dropped === 1)).toBe(true);
  });

  it('refuses what the schema does not allow (an unknown source, an oversized message, a bad screen)', async () => {
    const { logger } = recordingLogger();
    const dispatch = createDispatch(
      trivialHandlers(logReportHandlers({ logger, clock: { now: () => 0 } })),
      logger,
      () => null,
    );
    for (const bad of [
      { source: 'console', screen: '', message: 'x' },
      { source: 'error', screen: '', message: 'x'.repeat(2_001) },
      { source: 'error', screen: '<script>', message: 'x' },
      { source: 'error', screen: '', message: 'x', extra: 1 },
    ]) {
      const reply = await dispatch('app.log.report', bad);
      expect(reply.ok ? 'ok' : reply.error.code).toBe('validation_failed');
    }
  });
});
