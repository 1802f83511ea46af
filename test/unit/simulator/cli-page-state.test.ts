// CLI flag parsing, HTML escaping of the terminal page, and the atomic state file.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../simulator/cli-args';
import { escapeHtml } from '../../../simulator/page/escape';
import { terminalPage, unknownTerminalPage } from '../../../simulator/page/terminal-html';
import { loadState, saveState, type SavedState } from '../../../simulator/persistence/state-file';

describe('parseArgs', () => {
  it('reads every flag of issue 3', () => {
    const parsed = parseArgs([
      '--port',
      '4010',
      '--token',
      't0k',
      '--terminal',
      'A1, B2',
      '--webhook-url',
      'http://127.0.0.1:9/h',
      '--mode',
      'timeout',
      '--approve-delay-ms',
      '150',
      '--state-file',
      '/tmp/s.json',
      '--sign-webhooks',
      '--retry-schedule-ms=1,2,3',
      '--no-magic-amounts',
      '--time-scale',
      '0.01',
    ]);
    expect(parsed).toEqual({
      ok: true,
      help: false,
      options: {
        port: 4010,
        token: 't0k',
        terminals: ['A1', 'B2'],
        webhookUrl: 'http://127.0.0.1:9/h',
        behaviour: 'timeout',
        approveDelayMs: 150,
        stateFile: '/tmp/s.json',
        timeScale: 0.01,
        magicAmounts: false,
        webhooks: { retryScheduleMs: [1, 2, 3], sign: true },
      },
    });
  });

  it('takes the token from the environment when no flag is given', () => {
    const parsed = parseArgs([], { KUSHKI_SIM_TOKEN: 'from-env' });
    expect(parsed.ok && parsed.options.token).toBe('from-env');
  });

  it.each([
    [['--port', '70000'], '--port must be a number'],
    [['--mode', 'sometimes'], '--mode must be one of'],
    [['--port'], '--port needs a value'],
    [['--what'], 'unknown argument --what'],
    [['--token', ''], '--token must not be empty'],
  ])('rejects %j', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(message);
  });
});

describe('terminal page HTML', () => {
  it('escapes everything it interpolates', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    const hostile = '"><script>alert(1)</script>';
    for (const html of [terminalPage(hostile), unknownTerminalPage(hostile)]) {
      expect(html).not.toContain('<script>alert');
      expect(html).toContain('&lt;script&gt;');
    }
  });

  it('has no inline script (the CSP forbids it)', () => {
    const html = terminalPage('TERM123');
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/terminal-assets/terminal.js">']);
    expect(html).toContain('lang="es"');
  });
});

describe('state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caja-sim-unit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips and leaves no temp file behind', () => {
    const path = join(dir, 'nested', 'state.json');
    const state: SavedState = {
      version: 1,
      savedAt: 'now',
      terminals: [],
      requests: [],
      signingKeyPem: null,
    };
    expect(loadState(path)).toBeNull();
    saveState(path, state);
    saveState(path, { ...state, savedAt: 'later' });
    expect(loadState(path)?.savedAt).toBe('later');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(1);
  });
});
