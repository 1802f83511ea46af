import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store-context';

/** In demo mode: no real money moves, and the virtual terminal is one click away. */
export function DemoBanner() {
  const { t } = useTranslation();
  const environment = useAppStore((s) => s.info?.environment);
  const url = useAppStore((s) => s.info?.demoTerminalUrl ?? null);
  const openTerminal = useAppStore((s) => s.openDemoTerminal);
  const relayDown = useAppStore((s) => s.demoRelayDown);
  const setRelayOnline = useAppStore((s) => s.setDemoRelayOnline);
  if (environment !== 'demo') return null;
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <strong>{t('demo.banner')}</strong>
      {url ? (
        <a
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          title={t('demo.terminalHint')}
          data-testid="terminal-link"
          onClick={(event) => {
            // Electron denies new windows; there main opens this one loopback URL in the browser.
            if (openTerminal()) event.preventDefault();
          }}
        >
          {t('demo.terminalLink')}
        </a>
      ) : null}
      {/* Training: see what the counter does when the payment connection drops mid-sale. */}
      <button type="button" className="link-button" onClick={() => void setRelayOnline(relayDown)}>
        {t(relayDown ? 'demo.relayUp' : 'demo.relayDown')}
      </button>
    </div>
  );
}
