import { lazy, Suspense, useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../app/api/contract';
import { IDLE_LOCK_MS } from '../../../../app/domain/session';
import { useAppStore } from '../../store/store-context';
import { useIdleLock } from '../../hooks/use-idle-lock';
import { LoginScreen } from '../login/login-screen';
import { SellScreen } from '../sell/sell-screen';
import { SetupWizard } from '../setup/setup-wizard';
import { StoreSwitch } from '../setup/store-switch';
import { DemoBanner } from './demo-banner';
import { RegisterLinkBanner } from './register-link-banner';
import { NoticeBar } from './notice-bar';
import { PrintFailureNotice } from '../receipt/print-failure';
import { StatusBar } from './status-bar';
import { ScreenBoundary } from '../common/screen-boundary';

// The office is a manager's screen: loaded on first use, so the counter starts with less to parse.
const OfficeScreen = lazy(() => import('../office/office-screen').then((m) => ({ default: m.OfficeScreen })));

/** The window: header, demo banner, the sell screen (or checkout), the notice line and the status bar. */
export function App() {
  const { t, i18n } = useTranslation();
  const language = useAppStore((s) => s.language);
  const storeName = useAppStore((s) => s.info?.storeName ?? '');
  const setLanguage = useAppStore((s) => s.setLanguage);
  const session = useAppStore((s) => s.session);
  const lock = useAppStore((s) => s.lock);
  const signOut = useAppStore((s) => s.signOut);
  const screen = useAppStore((s) => s.screen);
  const showScreen = useAppStore((s) => s.showScreen);
  const setupOpen = useAppStore((s) => s.setupOpen);
  const active = session !== null && !session.locked;
  const manager = active && session.user.role === 'manager';
  const onIdle = useCallback(() => void lock(), [lock]);
  useIdleLock(active, IDLE_LOCK_MS, onIdle);

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  return (
    <div className="app">
      <header className="top-bar">
        <h1>{t('app.title')}</h1>
        <span className="store-name">{storeName}</span>
        <label className="language-picker">
          {t('app.language')}
          <select value={language} onChange={(event) => void setLanguage(event.target.value as Language)}>
            <option value="es-MX">{t('app.languages.es-MX')}</option>
            <option value="en">{t('app.languages.en')}</option>
          </select>
        </label>
        {manager ? (
          <button
            type="button"
            className="secondary"
            aria-pressed={screen === 'office'}
            onClick={() => showScreen(screen === 'office' ? 'sell' : 'office')}
          >
            {screen === 'office' ? t('office.backToCounter') : t('office.open')}
          </button>
        ) : null}
        {manager ? <StoreSwitch /> : null}
        {active ? (
          <>
            <button type="button" className="secondary" onClick={() => void lock()}>
              {t('login.lock')}
            </button>
            <button type="button" className="secondary" onClick={() => void signOut()}>
              {t('login.switchUser')}
            </button>
          </>
        ) : null}
      </header>
      <DemoBanner />
      <RegisterLinkBanner />
      {/* One boundary per screen, keyed so a switch of screens starts with a fresh one. */}
      {setupOpen ? (
        <ScreenBoundary key="setup" screen="app" part="setup">
          <SetupWizard />
        </ScreenBoundary>
      ) : !active ? (
        <ScreenBoundary key="login" screen="login">
          <LoginScreen />
        </ScreenBoundary>
      ) : manager && screen === 'office' ? (
        <ScreenBoundary key="office" screen="office" onBack={() => showScreen('sell')}>
          <Suspense fallback={<p className="office-loading">{t('app.loading')}</p>}>
            <OfficeScreen />
          </Suspense>
        </ScreenBoundary>
      ) : (
        <ScreenBoundary key="counter" screen="counter">
          <SellScreen />
        </ScreenBoundary>
      )}
      <PrintFailureNotice />
      <NoticeBar />
      <StatusBar />
    </div>
  );
}
