import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './store-types';
import type { AppStore } from './create-app-store';

/** React access to the one app store. */
export const StoreContext = createContext<AppStore | null>(null);

/** The store itself, for event handlers that must read the latest state after an await. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStoreApi outside StoreContext');
  return store;
}

/** Selects from the app store; select primitives or use `useShallow` for objects. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside StoreContext');
  return useStore(store, selector);
}
