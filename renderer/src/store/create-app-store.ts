import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CajaApi } from '../../../app/api/contract';
import { createCartSlice } from './cart.slice';
import { createCatalogSlice } from './catalog.slice';
import { createNoticesSlice } from './notices.slice';
import { createOfficeSlice } from './office/office.slice';
import { createPaymentSlice } from './payment.slice';
import { createReceiptSlice } from './receipt.slice';
import { createSessionSlice } from './session.slice';
import { createSetupSlice } from './setup.slice';
import { createStatusSlice } from './status.slice';
import type { AppState } from './store-types';
import { createUiSlice } from './ui.slice';
import { createErrorsSlice } from './errors.slice';

/** The app store. */
export type AppStore = StoreApi<AppState>;

/** Builds the store from typed slices over an API, so tests can pass their own `api`. */
export function createAppStore(api: CajaApi): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createUiSlice(api, set, get),
    ...createCatalogSlice(api, set, get),
    ...createCartSlice(api, set, get),
    ...createPaymentSlice(api, set, get),
    ...createStatusSlice(api, set, get),
    ...createSessionSlice(api, set, get),
    ...createReceiptSlice(api, set, get),
    ...createNoticesSlice(api, set, get),
    ...createOfficeSlice(api, set, get),
    ...createSetupSlice(api, set, get),
    ...createErrorsSlice(api, set, get),
  }));
}
