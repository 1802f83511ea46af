import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/store-context';
import { storeTimeZone } from '../../format/store-zone';

// Built per use: the zone comes from the core once the page has loaded its info.
const TIME = {
  format: (at: number) =>
    new Intl.DateTimeFormat('es-MX', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: storeTimeZone(),
    }).format(at),
};

/** Environment, relay connection, terminals and the signed-in user, always in view. */
export function StatusBar() {
  const { t } = useTranslation();
  const environment = useAppStore((s) => s.info?.environment ?? 'demo');
  const relay = useAppStore((s) => s.relay);
  const terminals = useAppStore(useShallow((s) => s.terminals.map((x) => x.label)));
  const user = useAppStore((s) => s.session?.user.name ?? null);
  const envName = t(`status.environment.${environment}`);
  return (
    <footer className="status-bar" aria-label={t('status.bar')}>
      <span className={`env-badge env-${environment}`} data-testid="environment">
        <span className="visually-hidden">{t('status.environmentLabel', { name: envName })}</span>
        <span aria-hidden="true">{envName}</span>
      </span>
      <span
        data-testid="relay-status"
        data-state={relay?.state ?? 'disabled'}
        data-problem={relay?.problem ?? undefined}
      >
        <span className={`dot relay-${relay?.state ?? 'disabled'}`} aria-hidden="true" />
        {t('status.relay')}: {t(`status.relayState.${relay?.state ?? 'disabled'}`)}
        {relay?.problem ? ` · ${t(`status.relayProblem.${relay.problem}`)}` : ''}
        {relay?.lastEventAt ? ` · ${t('status.lastEvent', { time: TIME.format(relay.lastEventAt) })}` : ''}
      </span>
      <span data-testid="terminals">
        {t('status.terminals')}: {terminals.length ? terminals.join(', ') : t('status.noTerminals')}
      </span>
      <span data-testid="signed-in-user">
        {t('status.user')}: {user ?? t('status.noUser')}
      </span>
    </footer>
  );
}
