/**
 * The status bar says why the payments link keeps failing, in es-MX and English; a storage error
 * (issue 11 finding 3: an event the database would not take) is shown while the client retries.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CajaApi } from '../../../app/api/contract';
import { relayDisabled, type RelayStatus } from '../../../app/domain/relay-status';
import { StatusBar } from '../../../renderer/src/features/shell/status-bar';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { createAppStore } from '../../../renderer/src/store/create-app-store';
import { StoreContext } from '../../../renderer/src/store/store-context';

const api: CajaApi = {
  invoke: async () => {
    throw new Error('the status bar calls nothing');
  },
  on: () => () => undefined,
  channels: [],
  events: [],
};

function render(relay: RelayStatus): string {
  const store = createAppStore(api);
  store.getState().applyRelay(relay);
  // Server rendering reads zustand's initial state; hand it the state as it is now.
  const rendered = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    <StoreContext.Provider value={rendered}>
      <StatusBar />
    </StoreContext.Provider>,
  );
}

const storageError: RelayStatus = { ...relayDisabled(3), state: 'connected', problem: 'storage_error' };

let i18n: Awaited<ReturnType<typeof initI18n>>;
beforeAll(async () => {
  i18n = await initI18n('es-MX');
});

describe('status bar', () => {
  it('says a storage error is being retried, in es-MX and English', async () => {
    await i18n.changeLanguage('es-MX');
    const es = render(storageError);
    expect(es).toContain('data-problem="storage_error"');
    expect(es).toContain('no se pudo guardar un aviso en la base de datos; reintentando');
    await i18n.changeLanguage('en');
    expect(render(storageError)).toContain('could not save an event to the database; retrying');
  });

  it('says nothing more when the connection has no problem', async () => {
    await i18n.changeLanguage('es-MX');
    const html = render({ ...storageError, problem: null });
    expect(html).not.toContain('data-problem');
    expect(html).toContain('conectada');
  });
});
