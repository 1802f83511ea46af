import type { CajaApi } from '../../../app/api/contract';
import type { RelayStatus } from '../../../app/domain/relay-status';
import type { RegisterLinkView } from '../../../app/domain/registers';
import type { GetState, SetState } from './store-types';

/** What the status bar shows besides the app info: the relay connection. */
export interface StatusSlice {
  relay: RelayStatus | null;
  loadRelay(): Promise<void>;
  applyRelay(status: RelayStatus): void;
  /** Demo only: whether the trainer has taken the relay down. */
  demoRelayDown: boolean;
  setDemoRelayOnline(online: boolean): Promise<void>;
  /** On a joined register: its link to the store server (null on the server itself). */
  registerLink: RegisterLinkView | null;
  applyRegisterLink(view: RegisterLinkView): void;
}

/** Status actions. */
export function createStatusSlice(api: CajaApi, set: SetState, get: GetState): StatusSlice {
  return {
    relay: null,
    async loadRelay() {
      const reply = await api.invoke('relay.status.get', {});
      if (reply.ok) set({ relay: reply.value });
      else get().showError(reply.error);
    },
    applyRelay(status) {
      set({ relay: status });
    },
    registerLink: null,
    applyRegisterLink(view) {
      set({ registerLink: view });
    },
    demoRelayDown: false,
    async setDemoRelayOnline(online) {
      const reply = await api.invoke('demo.relay.setOnline', { online });
      if (reply.ok) set({ demoRelayDown: !reply.value.online });
      else get().showError(reply.error);
    },
  };
}
