import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fingerprintStart,
  type PairingCodeView,
  type RegisterServerInfo,
} from '../../../../../app/domain/registers';
import { useAppStore } from '../../../store/store-context';
import { useOfficeCommand } from '../../../store/office/use-office';

/** m:ss left until `expiresAt` by this PC's clock (a display only: the core decides expiry). */
function useCountdown(expiresAt: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (expiresAt === null) return;
    const tick = () => setNow(Date.now());
    // At once for a new code (the clock read at mount may be minutes old), then every second.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [expiresAt]);
  return expiresAt === null ? null : Math.max(0, expiresAt - now);
}

function minutesSeconds(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * «Generar código de vinculación»: the code big and grouped, its expiry counting down, and what to
 * type on the other PC (this server's URL and the start of its certificate's fingerprint). When a
 * register pairs (the core's event) the code is spent: the panel says who joined and drops it.
 */
export function PairingPanel({ server }: { server: RegisterServerInfo }) {
  const { t } = useTranslation();
  const { busy, run } = useOfficeCommand();
  const [code, setCode] = useState<PairingCodeView | null>(null);
  const paired = useAppStore((s) => s.lastPairedRegister);
  const [pairedSince, setPairedSince] = useState(paired);
  // A register paired since this code was made: the code is spent (single use), so it goes.
  const justPaired = paired !== pairedSince ? paired : null;
  const shown = justPaired ? null : code;
  const left = useCountdown(shown?.expiresAt ?? null);

  const generate = async () => {
    const made = await run('office.registers.pairingCode.create', {});
    if (made) {
      setPairedSince(paired);
      setCode(made);
    }
  };

  return (
    <section className="settings-section registers-pairing" aria-labelledby="registers-pairing-title">
      <h3 id="registers-pairing-title">{t('officeRegisters.pairing.title')}</h3>
      {justPaired ? (
        <p role="status" className="registers-paired">
          {t('officeRegisters.pairing.paired', { name: justPaired.name })}
        </p>
      ) : null}
      {shown && left !== null ? (
        <div className="pairing-code-box">
          <p className="pairing-code-label">{t('officeRegisters.pairing.code')}</p>
          <p className="pairing-code" data-testid="pairing-code" aria-live="polite">
            {shown.code}
          </p>
          <p className="pairing-expiry" data-testid="pairing-expiry">
            {left > 0
              ? t('officeRegisters.pairing.expiresIn', { time: minutesSeconds(left) })
              : t('officeRegisters.pairing.expired')}
          </p>
          <p className="hint">{t('officeRegisters.pairing.singleUse')}</p>
          <p>{t('officeRegisters.pairing.steps')}</p>
          <dl className="pairing-steps">
            <dt>{t('officeRegisters.pairing.serverUrl')}</dt>
            <dd data-testid="pairing-server-urls">
              {server.urls.length > 0
                ? server.urls.map((url) => <code key={url}>{url}</code>)
                : t('officeRegisters.pairing.noAddress')}
            </dd>
            <dt>{t('officeRegisters.pairing.fingerprint')}</dt>
            <dd>
              <code data-testid="pairing-fingerprint">{fingerprintStart(server.fingerprint ?? '')}</code>
            </dd>
          </dl>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void generate()}>
          {shown ? t('officeRegisters.pairing.again') : t('officeRegisters.pairing.generate')}
        </button>
      </div>
    </section>
  );
}
