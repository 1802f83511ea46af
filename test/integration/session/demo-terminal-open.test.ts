import { describe, expect, it } from 'vitest';
import { createCore } from '../../../app/host/create-core';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

describe('app.demoTerminal.open (Electron opens the virtual terminal through main)', () => {
  it('opens exactly the demo terminal loopback URL, and nothing else', async () => {
    const opened: string[] = [];
    const core = createCore({
      dataDir: freshDataDir(),
      shell: 'electron',
      logger: recordingLogger().logger,
      openExternal: async (url) => {
        opened.push(url);
      },
    });
    const notDemo = await core.dispatch('app.demoTerminal.open', {});
    expect(!notDemo.ok && notDemo.error.code).toBe('not_found');

    core.setDemo({
      terminalPageUrl: 'http://127.0.0.1:41234/terminal/CAJA01',
      setRelayOnline: async () => {},
    });
    const reply = await core.dispatch('app.demoTerminal.open', {});
    expect(reply.ok && reply.value).toEqual({ opened: true });
    // The renderer cannot choose the URL: any argument is refused before the handler runs.
    const smuggled = await core.dispatch('app.demoTerminal.open', { url: 'https://evil.example' });
    expect(!smuggled.ok && smuggled.error.code).toBe('validation_failed');

    core.setDemo({ terminalPageUrl: 'http://example.com/terminal/CAJA01', setRelayOnline: async () => {} });
    const remote = await core.dispatch('app.demoTerminal.open', {});
    expect(!remote.ok && remote.error.code).toBe('forbidden');
    expect(opened).toEqual(['http://127.0.0.1:41234/terminal/CAJA01']);
    core.close();
  });

  it('the web shell has no openExternal: the page opens the link itself', async () => {
    const core = createCore({ dataDir: freshDataDir(), shell: 'web', logger: recordingLogger().logger });
    core.setDemo({
      terminalPageUrl: 'http://127.0.0.1:41234/terminal/CAJA01',
      setRelayOnline: async () => {},
    });
    const reply = await core.dispatch('app.demoTerminal.open', {});
    expect(!reply.ok && reply.error.code).toBe('unavailable');
    core.close();
  });
});
