import { setStoreTimeZone } from '../format/store-zone';
import type { AppInfo, CajaApi, Language } from '../../../app/api/contract';
import type { AppError } from '../../../app/domain/result';
import { errorKey, type GetState, type Notice, type SetState } from './store-types';

/** App information, language and the notice line. */
export interface UiSlice {
  /** Which screen a signed-in manager sees: the counter or the office. */
  screen: 'sell' | 'office';
  showScreen(screen: 'sell' | 'office'): void;
  info: AppInfo | null;
  language: Language;
  notice: Notice | null;
  loadInfo(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  applyLanguage(language: Language): void;
  notify(tone: Notice['tone'], key: string, params?: Notice['params']): void;
  showError(error: AppError): void;
  dismissNotice(): void;
  /** Opens the demo's virtual terminal through main when the shell cannot open a tab; true if it did. */
  openDemoTerminal(): boolean;
}

/** UI actions. */
export function createUiSlice(api: CajaApi, set: SetState, get: GetState): UiSlice {
  let noticeId = 0;
  return {
    screen: 'sell',
    showScreen(screen) {
      set({ screen });
    },
    info: null,
    language: 'es-MX',
    notice: null,
    async loadInfo() {
      const reply = await api.invoke('app.info.get', {});
      if (reply.ok) {
        setStoreTimeZone(reply.value.store.timeZone);
        set({ info: reply.value, language: reply.value.language });
        if (reply.value.register) get().applyRegisterLink(reply.value.register);
      } else get().showError(reply.error);
    },
    async setLanguage(language) {
      const reply = await api.invoke('settings.language.set', { language });
      if (reply.ok) set({ language: reply.value.language });
      else get().showError(reply.error);
    },
    applyLanguage(language) {
      set({ language });
    },
    notify(tone, key, params) {
      set({ notice: { id: ++noticeId, tone, key, ...(params ? { params } : {}) } });
    },
    showError(error) {
      const params: Record<string, string> = error.correlationId ? { id: error.correlationId } : {};
      get().notify('error', errorKey(error), params);
    },
    dismissNotice() {
      set({ notice: null });
    },
    openDemoTerminal() {
      // A browser opens the link itself; Electron's window-open handler denies it by design.
      if (get().info?.shell !== 'electron') return false;
      void api.invoke('app.demoTerminal.open', {}).then((reply) => {
        if (!reply.ok) get().showError(reply.error);
      });
      return true;
    },
  };
}
