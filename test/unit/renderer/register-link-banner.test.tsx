/**
 * Issue 17, item 4, in the renderer: a joined register whose link to the store server is down shows
 * a persistent banner (es-MX and English), the refusal's reason is worded, and when the link comes
 * back the page starts over on the server's truth (a payment that ended meanwhile, a locked session).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CajaApi } from '../../../app/api/contract';
import type { RegisterLinkView } from '../../../app/domain/registers';
import { subscribeEvents } from '../../../renderer/src/bridge/subscribe-events';
import { RegisterLinkBanner } from '../../../renderer/src/features/shell/register-link-banner';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { createAppStore, type AppStore } from '../../../renderer/src/store/create-app-store';
import { StoreContext } from '../../../renderer/src/store/store-context';

const LINK: RegisterLinkView = {
  state: 'up',
  registerId: 2,
  name: 'Caja 2',
  serverUrl: 'https://127.0.0.1:7443',
};

function fakeApi() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const api: CajaApi = {
    invoke: async () => ({ ok: true, value: null }) as never,
    on: (event, listener) => {
      listeners.set(event, listener as (payload: unknown) => void);
      return () => listeners.delete(event);
    },
    channels: [],
    events: [],
  };
  return { api, emit: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

function render(store: AppStore): string {
  const rendered = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    <StoreContext.Provider value={rendered}>
      <RegisterLinkBanner />
    </StoreContext.Provider>,
  );
}

let i18n: Awaited<ReturnType<typeof initI18n>>;
beforeAll(async () => {
  i18n = await initI18n('es-MX');
});

describe('the register link banner', () => {
  it('is absent on the store server and on a register whose link is up', () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    expect(render(store)).toBe('');
    store.getState().applyRegisterLink(LINK);
    expect(render(store)).toBe('');
  });

  it('says the main register is unreachable, in es-MX and English, while the link is down', async () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    store.getState().applyRegisterLink({ ...LINK, state: 'down' });
    await i18n.changeLanguage('es-MX');
    expect(render(store)).toContain('Sin conexión con la caja principal…');
    await i18n.changeLanguage('en');
    expect(render(store)).toContain('No connection to the main register…');
    store.getState().applyRegisterLink({ ...LINK, state: 'revoked' });
    expect(render(store)).toContain('This register was revoked.');
    await i18n.changeLanguage('es-MX');
  });

  it('words a call refused while the link is down', () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    store.getState().showError({ code: 'unavailable', reason: 'store_server_unreachable', message: 'x' });
    expect(store.getState().notice?.key).toBe('errors.reasons.store_server_unreachable');
    expect(i18n.t('errors.reasons.store_server_unreachable')).toMatch(/caja principal/);
  });
});

describe('the link coming back', () => {
  it('reloads the page only on up after down, not on the first up nor on a repeat', () => {
    const { api, emit } = fakeApi();
    const store = createAppStore(api);
    let reloads = 0;
    subscribeEvents(api, store, () => (reloads += 1));
    emit('register.link.changed', LINK);
    expect(reloads).toBe(0);
    emit('register.link.changed', { ...LINK, state: 'down' });
    expect(store.getState().registerLink?.state).toBe('down');
    expect(reloads).toBe(0);
    emit('register.link.changed', LINK);
    expect(reloads).toBe(1);
    emit('register.link.changed', LINK);
    expect(reloads).toBe(1);
  });
});
