import { describe, expect, it } from 'vitest';
import {
  installDecision,
  isValidUpdateFeedUrl,
  pendingIsInstalled,
  STARTUP_INSTALL_WINDOW_MS,
  updateCheckDecision,
  type UpdateSettings,
} from '../../../app/domain/updates';

const ON: UpdateSettings = { enabled: true, feedUrl: 'https://updates.example.mx/caja/' };
const START = Date.UTC(2026, 11, 3, 14);

describe('the update server URL', () => {
  it.each(['https://updates.example.mx/caja/', 'https://cdn.example.com', 'http://127.0.0.1:8080/caja'])(
    'accepts %s',
    (url) => expect(isValidUpdateFeedUrl(url)).toBe(true),
  );

  it.each([
    [''],
    ['http://updates.example.mx/caja/'], // plain http off this PC: a network could swap yml and file
    ['https://user:pw@updates.example.mx/'], // credentials would sit in settings and logs
    ['https://updates.example.mx/?channel=beta'],
    ['https://updates.example.mx/#x'],
    ['file:///tmp/caja'],
    ['ftp://updates.example.mx/'],
    ['not a url'],
    [`https://example.mx/${'a'.repeat(300)}`],
  ])('refuses %s', (url) => expect(isValidUpdateFeedUrl(url)).toBe(false));
});

describe('when to check', () => {
  it('checks a packaged build with updates on and a valid URL', () => {
    expect(updateCheckDecision({ packaged: true, settings: ON, checkRunning: false })).toEqual({
      check: true,
      feedUrl: ON.feedUrl,
    });
  });

  it.each([
    [{ packaged: false, settings: ON, checkRunning: false }, 'not_packaged'],
    [{ packaged: true, settings: { ...ON, enabled: false }, checkRunning: false }, 'disabled'],
    [{ packaged: true, settings: { ...ON, feedUrl: '' }, checkRunning: false }, 'no_feed_url'],
    [
      { packaged: true, settings: { ...ON, feedUrl: 'http://evil.example/' }, checkRunning: false },
      'no_feed_url',
    ],
    [{ packaged: true, settings: ON, checkRunning: true }, 'check_running'],
  ])('does not check: %o → %s', (facts, reason) => {
    expect(updateCheckDecision(facts)).toEqual({ check: false, reason });
  });
});

describe('when to install', () => {
  const pendingAtStart = { version: '0.2.0', downloadedAt: START - 86_400_000 };
  const base = {
    settings: ON,
    downloaded: '0.2.0',
    pendingAtStart,
    startedAt: START,
    now: START + 5_000,
    salesWithPaymentInFlight: [] as number[],
  };

  it('installs, at a start, the version an earlier run downloaded', () => {
    expect(installDecision(base)).toEqual({ install: true, version: '0.2.0' });
  });

  it('keeps a download of this run for the next start', () => {
    expect(installDecision({ ...base, pendingAtStart: null })).toEqual({
      install: false,
      reason: 'downloaded_this_run',
    });
    // A newer version than the pending one is new in this run too.
    expect(installDecision({ ...base, downloaded: '0.3.0' })).toMatchObject({
      reason: 'downloaded_this_run',
    });
  });

  it('never installs during a card payment in flight or unconfirmed', () => {
    expect(installDecision({ ...base, salesWithPaymentInFlight: [42] })).toEqual({
      install: false,
      reason: 'payment_in_flight',
    });
  });

  it('waits for the next start once the start-up window has passed, or when turned off', () => {
    expect(installDecision({ ...base, now: START + STARTUP_INSTALL_WINDOW_MS + 1 })).toMatchObject({
      reason: 'startup_window_passed',
    });
    expect(installDecision({ ...base, settings: { ...ON, enabled: false } })).toMatchObject({
      reason: 'disabled',
    });
  });

  it('knows a pending marker is stale once its version runs', () => {
    expect(pendingIsInstalled(pendingAtStart, '0.2.0')).toBe(true);
    expect(pendingIsInstalled(pendingAtStart, '0.1.0')).toBe(false);
    expect(pendingIsInstalled(null, '0.1.0')).toBe(false);
  });
});
