import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../common/log/json-logger';
import { createJsonLogger as createCoreLogger } from '../../../app/infra/log/json-logger';
import { createLogger as createRelayLogger } from '../../../relay/ops/logger';

function lines(): { write: (line: string) => void; parsed: () => Record<string, unknown>[] } {
  const out: string[] = [];
  return {
    write: (line) => out.push(line),
    parsed: () => out.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('the one log schema', () => {
  it('writes level, ISO time and msg, then the fields, one JSON object per line', () => {
    const sink = lines();
    createJsonLogger({ write: sink.write, base: { role: 'relay' } }).warn('slow commit', { ms: 12 });
    const [line] = sink.parsed();
    expect(line).toEqual({
      level: 'warn',
      time: expect.any(String),
      role: 'relay',
      ms: 12,
      msg: 'slow commit',
    });
    expect(new Date(line?.time as string).toISOString()).toBe(line?.time);
  });

  it('the core and the relay loggers emit the same shape', () => {
    const core = lines();
    const relay = lines();
    createCoreLogger(core.write).info('same', { storeId: 's' });
    createRelayLogger({ sink: relay.write }).info('same', { storeId: 's' });
    expect(Object.keys(core.parsed()[0] ?? {})).toEqual(Object.keys(relay.parsed()[0] ?? {}));
  });

  it('redacts credential-like keys at any depth and keeps an error readable', () => {
    const sink = lines();
    createJsonLogger({ write: sink.write }).error('boom', {
      apiKey: 'k-123',
      nested: { streamToken: 't-456', signingKey: 's-789', count: 2 },
      error: new TypeError('bad thing'),
    });
    const text = JSON.stringify(sink.parsed());
    for (const secret of ['k-123', 't-456', 's-789']) expect(text).not.toContain(secret);
    expect(sink.parsed()[0]).toMatchObject({
      nested: { count: 2 },
      error: { name: 'TypeError', message: 'bad thing' },
    });
  });

  it('drops lines below the level', () => {
    const sink = lines();
    const logger = createJsonLogger({ write: sink.write, level: 'warn' });
    logger.info('quiet');
    logger.debug('quieter');
    logger.error('loud');
    expect(sink.parsed().map((l) => l.msg)).toEqual(['loud']);
  });

  it('redacts by field name, not by pattern: "mapping" and "shipping" stay, "pin" and "X-BP-AUTH" go', () => {
    const sink = lines();
    createJsonLogger({ write: sink.write }).info('fields', {
      mapping: 'columns-a-b',
      shipping: 'local',
      pin: '1234',
      headers: { 'X-BP-AUTH': 'bp-secret', accept: 'json' },
      a: { b: { c: { token: 'deep-token' } } },
    });
    const text = JSON.stringify(sink.parsed());
    for (const secret of ['1234', 'bp-secret', 'deep-token']) expect(text).not.toContain(secret);
    expect(sink.parsed()[0]).toMatchObject({
      mapping: 'columns-a-b',
      shipping: 'local',
      headers: { accept: 'json' },
    });
  });

  it('cuts nesting deeper than the redact paths reach, so no secret hides below them', () => {
    const sink = lines();
    createJsonLogger({ write: sink.write }).info('deep', {
      a: { b: { c: { d: { e: { token: 'too-deep' } } } } },
    });
    expect(JSON.stringify(sink.parsed())).not.toContain('too-deep');
  });
});
