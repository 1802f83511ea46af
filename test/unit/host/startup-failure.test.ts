import { describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../../app/host/data-dir-lock';
import { describeStartupFailure } from '../../../app/host/startup-failure';
import { DatabaseTooNewError, MigrationFailedError } from '../../../app/infra/db/migrate';
import { failurePageHtml } from '../../../web/failure-page';

const describeIt = (error: unknown) => describeStartupFailure(error, '/datos/Caja', '/datos/Caja/logs');

describe('start-up failures, described', () => {
  it('say in Spanish what happened and what to do, for each kind', () => {
    const locked = new DataDirLockedError('/datos/Caja', {
      pid: 4242,
      shell: 'electron',
      startedAt: '2026-12-03T08:00:00.000Z',
      hostname: 'caja-pc',
    });
    const cases: [unknown, string, RegExp][] = [
      [locked, 'locked', /proceso 4242/],
      [new DatabaseTooNewError(20, 12), 'too_new', /versión más reciente/],
      [new MigrationFailedError(13, 'x', 12, new Error('boom')), 'migration_failed', /respaldo/],
      [Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), 'disk_full', /espacio/],
      [new Error('???'), 'other', /registros de \/datos\/Caja\/logs/],
    ];
    for (const [error, kind, advice] of cases) {
      const failure = describeIt(error);
      expect(failure.kind).toBe(kind);
      expect([failure.summary, ...failure.steps].join(' ')).toMatch(advice);
    }
  });

  it('renders a page that escapes what it shows and runs no script', () => {
    const html = failurePageHtml(describeIt(new Error('<img src=x onerror=alert(1)>')));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('lang="es-MX"');
  });
});
