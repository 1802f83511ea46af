import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installApi } from './bridge/install-api';
import { subscribeEvents } from './bridge/subscribe-events';
import { reportWindowErrors } from './bridge/report-errors';
import { ScreenBoundary } from './features/common/screen-boundary';
import { App } from './features/shell/app';
import { initI18n } from './i18n/i18n';
import { createAppStore } from './store/create-app-store';
import { StoreContext } from './store/store-context';
import './styles.css';

async function start() {
  const api = installApi();
  const store = createAppStore(api);
  subscribeEvents(api, store);
  reportWindowErrors(store);
  // Everything the first screen needs is asked for at once; only i18n waits for the language.
  const loads = Promise.all([
    store.getState().loadCart(),
    store.getState().loadCategories(),
    store.getState().loadRelay(),
    store.getState().loadSession(),
    store.getState().loadTerminals(),
    store.getState().resumeUnresolved(),
  ]);
  await store.getState().loadInfo();
  await Promise.all([initI18n(store.getState().language), loads]);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <ScreenBoundary screen="app">
          <App />
        </ScreenBoundary>
      </StoreContext.Provider>
    </StrictMode>,
  );
}

void start();
