import { describe, expect, it } from 'vitest';
import { describeFlagProblem, parseFlags } from '../../../common/cli/parse-flags';
import { parseMainArgs } from '../../../electron/main/main-args';

const SPEC = {
  port: { type: 'string' },
  key: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

describe('the shared CLI parser', () => {
  it('reads --flag value, --flag=value, short switches and repeated options', () => {
    const parsed = parseFlags(['--port', '80', '--key=a', '-h', '--key', 'b'], SPEC);
    expect(parsed).toEqual({
      ok: true,
      values: { port: '80', key: ['a', 'b'], help: true },
      positionals: [],
    });
  });

  it('names the flag of each problem, in argv order', () => {
    expect(parseFlags(['--port'], SPEC)).toMatchObject({
      ok: false,
      problem: 'missing_value',
      flag: '--port',
    });
    expect(parseFlags(['--nope', '--port'], SPEC)).toMatchObject({
      problem: 'unknown_option',
      flag: '--nope',
    });
    expect(parseFlags(['--help=yes'], SPEC)).toMatchObject({ problem: 'unexpected_value', flag: '--help' });
    expect(parseFlags(['serve'], SPEC)).toMatchObject({ problem: 'unexpected_argument', flag: 'serve' });
    expect(describeFlagProblem({ problem: 'missing_value', flag: '--port' })).toBe('--port needs a value');
  });

  it('collects positionals only when asked', () => {
    expect(parseFlags(['store', 'add', '--port', '1'], SPEC, { positionals: true })).toEqual({
      ok: true,
      values: { port: '1' },
      positionals: ['store', 'add'],
    });
  });

  it("skips Electron's and Chromium's own arguments in the desktop shell", () => {
    const argv = [
      '/opt/caja/caja',
      '.',
      '--no-sandbox',
      '--data-dir',
      '/tmp/d',
      '--kushki-url=http://127.0.0.1:9',
    ];
    expect(parseMainArgs(argv)).toEqual({ dataDir: '/tmp/d', kushkiUrl: 'http://127.0.0.1:9' });
    expect(parseMainArgs(['/opt/caja/caja', '--data-dir'])).toEqual({});
  });
});
