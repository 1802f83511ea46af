import { EVENT_NAMES, INVOKE_CHANNELS } from '../../app/api/channels';
import { startWebShell, freshDataDir } from '../support/web-shell';
import { PLANTED_SECRET, plantSecrets } from '../support/secret-setting';
import { expect, test } from './fixtures';
import { expectNoChannelReveals } from './support/every-channel';

test.describe('security of the renderer', () => {
  test('the page has no Node: no require, process, module, Buffer or global', async ({ page, shell }) => {
    await page.goto(shell.url);
    await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    const globals = await page.evaluate(() =>
      ['require', 'process', 'module', 'exports', 'Buffer', 'global', '__dirname', 'electron'].filter(
        (name) => typeof (window as unknown as Record<string, unknown>)[name] !== 'undefined',
      ),
    );
    expect(globals).toEqual([]);
  });

  test('window.caja exposes exactly the contract, frozen', async ({ page, shell }) => {
    await page.goto(shell.url);
    await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    const surface = await page.evaluate(() => {
      const api = window.caja!;
      const before = window.caja;
      try {
        (window as unknown as { caja: unknown }).caja = { invoke: () => 'hijacked' };
      } catch {
        /* non-writable in strict code throws; either way it must not change */
      }
      return {
        keys: Object.keys(api).sort(),
        frozen: Object.isFrozen(api),
        channels: [...api.channels],
        events: [...api.events],
        replaced: window.caja !== before,
      };
    });
    expect(surface.keys).toEqual(['channels', 'events', 'invoke', 'on']);
    expect(surface.frozen).toBe(true);
    expect(surface.channels).toEqual([...INVOKE_CHANNELS]);
    expect(surface.events).toEqual([...EVENT_NAMES]);
    expect(surface.replaced).toBe(false);
  });

  test('a channel outside the contract is refused', async ({ page, shell }) => {
    await page.goto(shell.url);
    await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    const codes = await page.evaluate(async () => {
      const invoke = window.caja!.invoke as (
        channel: string,
        args: unknown,
      ) => Promise<{ ok: boolean; error?: { code: string } }>;
      const replies = await Promise.all(
        ['settings.kushkiKey.get', 'db.query', '__proto__', 'toString'].map((c) => invoke(c, {})),
      );
      return replies.map((r) => r.error?.code);
    });
    expect(codes).toEqual(['unknown_channel', 'unknown_channel', 'unknown_channel', 'unknown_channel']);
  });

  test('no call returns anything from a secret setting', async ({ page }) => {
    const dataDir = freshDataDir();
    plantSecrets(dataDir);
    const shell = await startWebShell({ dataDir });
    try {
      await page.goto(shell.url);
      await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
      const signedIn = await page.evaluate(() =>
        window.caja!.invoke('session.signIn', { userId: 1, pin: '1111' }),
      );
      expect(signedIn.ok).toBe(true);
      await expectNoChannelReveals(page, PLANTED_SECRET);
      expect(await page.content()).not.toContain(PLANTED_SECRET);
      const stored = await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      );
      expect(stored).not.toContain(PLANTED_SECRET);
    } finally {
      await shell.stop();
    }
  });

  test('the CSP blocks injected inline script', async ({ page, shell }) => {
    const response = await page.goto(shell.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });

  test('a socket opened without the token is refused', async ({ page, shell }) => {
    await page.goto(shell.url);
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`ws://${location.host}/api`);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        }),
    );
    expect(outcome).toBe('refused');
  });
});
