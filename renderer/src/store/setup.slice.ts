import type { CajaApi } from '../../../app/api/contract';
import type { AppError } from '../../../app/domain/result';
import type { StoreKind, StoreSetupInput } from '../../../app/domain/store-setup';
import type { JoinedRegister, StoreJoinInput } from '../../../app/domain/registers';
import type { GetState, SetState } from './store-types';

/**
 * The first-run wizard and the demo/real switch (issue 13). After either succeeds the host opens the
 * other store and announces `app.store.switched`, on which the bridge reloads the page: no state of
 * the old store (cart, session, caches) survives in the renderer.
 */
export interface SetupSlice {
  setupOpen: boolean;
  setupBusy: boolean;
  setupError: AppError | null;
  openSetup(): void;
  closeSetup(): void;
  createStore(input: StoreSetupInput): Promise<boolean>;
  switchStore(to: StoreKind): Promise<boolean>;
  /** This PC as a register of a store server (issue 17), once joined: Caja must restart. */
  joinedRegister: JoinedRegister | null;
  /** «Unirse a una caja principal»: pairs with the store server; a refusal lands in setupError. */
  joinStoreServer(input: StoreJoinInput): Promise<boolean>;
}

/** Wizard and switch actions. */
export function createSetupSlice(api: CajaApi, set: SetState, get: GetState): SetupSlice {
  return {
    setupOpen: false,
    setupBusy: false,
    setupError: null,
    openSetup() {
      set({ setupOpen: true, setupError: null });
    },
    closeSetup() {
      set({ setupOpen: false, setupError: null });
    },
    async createStore(input) {
      set({ setupBusy: true, setupError: null });
      const reply = await api.invoke('store.setup.create', input);
      set({ setupBusy: false, setupError: reply.ok ? null : reply.error });
      return reply.ok;
    },
    joinedRegister: null,
    async joinStoreServer(input) {
      set({ setupBusy: true, setupError: null });
      const reply = await api.invoke('store.join', input);
      set({
        setupBusy: false,
        setupError: reply.ok ? null : reply.error,
        joinedRegister: reply.ok ? reply.value : null,
      });
      return reply.ok;
    },
    async switchStore(to) {
      const reply = await api.invoke('store.switch', { to });
      if (!reply.ok) get().showError(reply.error);
      return reply.ok;
    },
  };
}
