import { describe, expect, it } from 'vitest';
import { parseListenAddress, parseWebShellArgs } from '../../../web/args';

describe('web shell flags for several registers (issue 17)', () => {
  it('serves registers only when asked', () => {
    expect(parseWebShellArgs([]).serveRegisters).toBeUndefined();
    expect(parseWebShellArgs(['--serve-registers', '0.0.0.0:7443']).serveRegisters).toEqual({
      host: '0.0.0.0',
      port: 7443,
    });
    expect(parseListenAddress('[::1]:7443')).toEqual({ host: '::1', port: 7443 });
  });

  it('refuses a malformed address', () => {
    for (const bad of ['7443', '0.0.0.0', '0.0.0.0:70000', 'a b:1', ':7443', '0.0.0.0:-1']) {
      expect(() => parseListenAddress(bad), bad).toThrow(/serve-registers/);
    }
  });

  it('joins with a server URL and a pairing code, together only', () => {
    expect(
      parseWebShellArgs(['--join', 'https://127.0.0.1:7443', '--pairing-code', 'ABCDE-FGHJK']).join,
    ).toEqual({
      serverUrl: 'https://127.0.0.1:7443',
      pairingCode: 'ABCDE-FGHJK',
      name: undefined,
    });
    expect(() => parseWebShellArgs(['--join', 'https://127.0.0.1:7443'])).toThrow(/go together/);
    expect(() => parseWebShellArgs(['--pairing-code', 'X'])).toThrow(/go together/);
    expect(() => parseWebShellArgs(['--register-name', 'Caja 2'])).toThrow(/needs --join/);
    expect(() =>
      parseWebShellArgs(['--join', 'https://h:1', '--pairing-code', 'X', '--serve-registers', '127.0.0.1:0']),
    ).toThrow(/cannot serve/);
  });
});
