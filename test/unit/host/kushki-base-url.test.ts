import { describe, expect, it } from 'vitest';
import { kushkiUrlOverride } from '../../../app/host/environment';
import {
  KUSHKI_BASE_URLS,
  kushkiBaseUrlFor,
  validKushkiBaseUrl,
} from '../../../app/infra/kushki/kushki-environments';
import { parseWebShellArgs } from '../../../web/args';

describe('the Kushki base URL per environment', () => {
  it("defaults to Kushki's documented hosts", () => {
    expect(kushkiBaseUrlFor('dev')).toBe('https://kushkicollect.billpocket.dev');
    expect(kushkiBaseUrlFor('live', '  ')).toBe('https://kushkicollect.billpocket.com');
    expect(KUSHKI_BASE_URLS).toEqual({
      dev: 'https://kushkicollect.billpocket.dev',
      live: 'https://kushkicollect.billpocket.com',
    });
  });

  it.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
    ['https://kushki-proxy.example/api/', 'https://kushki-proxy.example/api'],
  ])('accepts %s as %s', (given, used) => {
    expect(validKushkiBaseUrl(given)).toBe(used);
    expect(kushkiBaseUrlFor('dev', given)).toBe(used);
  });

  it.each([
    'http://kushkicollect.billpocket.dev',
    'http://192.168.1.20:4010',
    'http://127.0.0.2:4010',
    'ftp://127.0.0.1',
    'https://user:pw@kushki.example',
    'https://kushki.example/?key=abc',
    'https://kushki.example/#x',
    'kushkicollect.billpocket.dev',
  ])('refuses %s, and never repeats it', (given) => {
    expect(() => validKushkiBaseUrl(given)).toThrow(/Kushki base URL/);
    try {
      validKushkiBaseUrl(given);
    } catch (error) {
      expect((error as Error).message).not.toContain(given);
    }
  });

  it('takes --kushki-url before CAJA_KUSHKI_BASE_URL, and nothing when both are blank', () => {
    expect(kushkiUrlOverride({ flag: 'http://127.0.0.1:1', env: 'http://127.0.0.1:2' })).toBe(
      'http://127.0.0.1:1',
    );
    expect(kushkiUrlOverride({ env: 'http://127.0.0.1:2' })).toBe('http://127.0.0.1:2');
    expect(kushkiUrlOverride({ flag: '', env: ' ' })).toBeUndefined();
    expect(parseWebShellArgs(['--kushki-url', 'http://127.0.0.1:4010', '--port=0'])).toEqual({
      port: 0,
      kushkiUrl: 'http://127.0.0.1:4010',
    });
    expect(parseWebShellArgs(['--kushki-url=http://127.0.0.1:4010']).kushkiUrl).toBe('http://127.0.0.1:4010');
  });
});
