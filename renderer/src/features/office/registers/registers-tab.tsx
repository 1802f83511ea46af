import { useTranslation } from 'react-i18next';
import { useOfficeRead } from '../../../store/office/use-office';
import { PairingPanel } from './pairing-panel';
import { RegistersTable } from './registers-table';
import '../settings/settings.css';
import './registers.css';

/**
 * The office's Cajas tab (issue 17): pairing another PC as a register when this one serves
 * registers (else how to switch that on), and the store's registers with rename and revoke.
 */
export function RegistersTab() {
  const { t } = useTranslation();
  const { value: server } = useOfficeRead('office.registers.server.get', {});
  const { value: list } = useOfficeRead('office.registers.list', {});
  return (
    <section className="office-tab registers-tab" aria-label={t('officeRegisters.tab')}>
      <h2>{t('officeRegisters.tab')}</h2>
      <p>{t('officeRegisters.intro')}</p>
      <div className="settings-grid">
        {server?.serving ? <PairingPanel server={server} /> : null}
        {server && !server.serving ? (
          <section className="settings-section" data-testid="registers-server-off">
            <p>{t('officeRegisters.server.off')}</p>
            <pre className="registers-command">
              <code>{t('officeRegisters.server.command')}</code>
            </pre>
            <p className="hint">{t('officeRegisters.server.offHint')}</p>
          </section>
        ) : null}
        {list ? <RegistersTable registers={list.registers} /> : null}
      </div>
    </section>
  );
}
