import { describe, expect, it, vi } from 'vitest';
import { createDispatch } from '../../../app/api/dispatch';
import { trivialHandlers } from '../../support/fake-handlers';
import { recordingLogger } from '../../support/recording-logger';
import { asManager } from '../../support/fake-session';

describe('contract dispatch', () => {
  it('returns the handler value in an ok envelope', async () => {
    const { logger } = recordingLogger();
    const dispatch = createDispatch(trivialHandlers(), logger, asManager);
    await expect(dispatch('settings.language.set', { language: 'en' })).resolves.toEqual({
      ok: true,
      value: { language: 'en' },
    });
  });

  it('passes an expected failure through as it is', async () => {
    const dispatch = createDispatch(trivialHandlers(), recordingLogger().logger, asManager);
    const reply = await dispatch('sales.cart.scan', { code: '7501234567890' });
    expect(reply).toEqual({ ok: false, error: { code: 'not_found', message: 'none' } });
  });

  it('refuses invalid arguments before the handler runs, naming the field', async () => {
    const handler = vi.fn(() => ({ language: 'en' as const }));
    const dispatch = createDispatch(
      trivialHandlers({ 'settings.language.set': handler }),
      recordingLogger().logger,
      asManager,
    );
    const reply = await dispatch('settings.language.set', { language: 'fr' });
    expect(handler).not.toHaveBeenCalled();
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('validation_failed');
    expect(reply.error.issues?.[0]?.path).toBe('language');
  });

  it('refuses unknown keys, wrong types and non-objects', async () => {
    const dispatch = createDispatch(trivialHandlers(), recordingLogger().logger, asManager);
    for (const args of [
      { productId: 1, extra: true },
      { productId: '1' },
      { productId: -3 },
      'x',
      [1],
      null,
    ]) {
      const reply = await dispatch('sales.cart.addProduct', args);
      expect(reply.ok ? 'ok' : reply.error.code).toBe('validation_failed');
    }
  });

  it('answers unknown channels with unknown_channel and never calls a handler', async () => {
    const dispatch = createDispatch(trivialHandlers(), recordingLogger().logger, asManager);
    for (const channel of ['settings.kushkiKey.get', '__proto__', 'constructor', 42, undefined]) {
      const reply = await dispatch(channel, {});
      expect(reply.ok ? 'ok' : reply.error.code).toBe('unknown_channel');
    }
  });

  it('turns a thrown error into internal with a correlation id, logging the stack under that id only', async () => {
    const { logger, entries } = recordingLogger();
    const dispatch = createDispatch(
      trivialHandlers({
        'sales.cart.get': () => {
          throw new Error('database is locked at /secret/path');
        },
      }),
      logger,
      asManager,
    );
    const reply = await dispatch('sales.cart.get', {});
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('internal');
    expect(reply.error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(reply)).not.toContain('/secret/path');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.fields.correlationId).toBe(reply.error.correlationId);
    expect(entries[0]?.fields.error).toBeInstanceOf(Error);
  });

  it('treats an async rejection like a throw', async () => {
    const dispatch = createDispatch(
      trivialHandlers({ 'catalog.categories.list': () => Promise.reject(new Error('boom')) }),
      recordingLogger().logger,
      asManager,
    );
    const reply = await dispatch('catalog.categories.list', {});
    expect(reply.ok ? 'ok' : reply.error.code).toBe('internal');
  });
});
