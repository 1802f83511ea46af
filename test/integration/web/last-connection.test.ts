/**
 * Issue 11, finding 5: when the web shell's last page disconnects, the register locks, so a page
 * opened later (with the token) finds it locked instead of signed in as whoever left. Real host,
 * real WebSockets on 127.0.0.1; the test waits on the session event, never on a timer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SessionView } from '../../../app/domain/session';
import { createCore, type Core } from '../../../app/host/create-core';
import { startWebHost, type WebHost } from '../../../web/web-host';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

const running: { host: WebHost; core: Core }[] = [];
afterEach(async () => {
  for (const { host, core } of running.splice(0)) {
    await host.close();
    core.close();
  }
});

async function start() {
  const rendererDir = join(freshDataDir('caja-renderer-'), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const core = createCore({ dataDir: freshDataDir(), shell: 'web', logger: recordingLogger().logger });
  const host = await startWebHost({ core, port: 0, rendererDir, logger: recordingLogger().logger });
  running.push({ host, core });
  return { core, host };
}

/** A page's connection: opens with the token and the right Origin, and calls the contract. */
async function connect(host: WebHost) {
  const origin = new URL(host.url).origin;
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/api?token=${host.token}`, {
    headers: { Origin: origin },
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const call = (channel: string, args: unknown = {}) =>
    new Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>((resolve) => {
      const id = nextId++;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { type: string; id?: number; reply?: never };
        if (message.type !== 'reply' || message.id !== id) return;
        socket.off('message', onMessage);
        resolve(message.reply as never);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ type: 'invoke', id, channel, args }));
    });
  const close = () =>
    new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.close();
    });
  return { call, close };
}

/** Resolves at the next `session.changed` event whose session is locked. */
function nextLock(core: Core): Promise<SessionView> {
  return new Promise((resolve) => {
    const stop = core.events.subscribe((e) => {
      const session = e.payload as SessionView | null;
      if (e.event === 'session.changed' && session?.locked) {
        stop();
        resolve(session);
      }
    });
  });
}

describe('the web shell locks the register when its last page goes (issue 11)', () => {
  it('keeps the session while a page remains; the last one closing locks it for the next page', async () => {
    const { core, host } = await start();
    const first = await connect(host);
    const second = await connect(host);
    expect((await first.call('session.signIn', { userId: 2, pin: '9999' })).ok).toBe(true);

    await second.close();
    const stillOpen = await first.call('session.get');
    expect((stillOpen.value as SessionView).locked).toBe(false);

    const locked = nextLock(core);
    await first.close();
    expect(await locked).toMatchObject({ locked: true, user: { name: 'Luis Hernández' } });

    const later = await connect(host);
    const found = await later.call('session.get');
    expect(found.value).toMatchObject({ locked: true, user: { name: 'Luis Hernández' } });
    expect((await later.call('office.users.list')).error?.code).toBe('session_required');
    expect((await later.call('sales.cart.scan', { code: 'PAN-002' })).error?.code).toBe('session_required');
    await later.close();
  });
});
