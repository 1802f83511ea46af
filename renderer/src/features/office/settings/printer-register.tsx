import { useTranslation } from 'react-i18next';
import type { PrinterSettingsView } from '../../../../../app/api/office/printer.contract';
import type { RegisterView } from '../../../../../app/domain/registers';

/**
 * Which register's printer and drawer the section edits (issue 17, [Note: a printer per register]):
 * said always; on the store server (register 0) a picker of the registers still paired, to set up
 * the printer at another counter.
 */
export function PrinterRegister(props: {
  loaded: PrinterSettingsView;
  registers: RegisterView[];
  onPick: (registerId: number) => void;
}) {
  const { t } = useTranslation();
  const { loaded, registers } = props;
  const nameOf = (id: number) =>
    registers.find((r) => r.id === id)?.name ?? t('printer.settings.registerName', { id });
  const choices = registers.filter((r) => r.revokedAt === null || r.id === loaded.registerId);
  const canPick = loaded.callerRegisterId === 0 && choices.length > 1;
  return (
    <>
      <p data-testid="printer-register">
        {t('printer.settings.register', { name: nameOf(loaded.registerId) })}
      </p>
      {canPick ? (
        <label className="field">
          {t('printer.settings.registerPick')}
          <select
            data-testid="printer-register-picker"
            value={loaded.registerId}
            onChange={(e) => props.onPick(Number(e.target.value))}
          >
            {choices.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {loaded.registerId !== 0 ? <p className="hint">{t('printer.settings.remoteNetworkOnly')}</p> : null}
    </>
  );
}
