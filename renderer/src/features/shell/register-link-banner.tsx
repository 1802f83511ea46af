import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store-context';

/**
 * On a joined register whose link to the store server is down or revoked: a banner that stays
 * until the link is back (issue 17, item 4; see [Note: a register without its server]).
 */
export function RegisterLinkBanner() {
  const { t } = useTranslation();
  const state = useAppStore((s) => s.registerLink?.state ?? 'up');
  if (state === 'up') return null;
  return (
    <div className="register-link-banner" role="alert" data-testid="register-link-banner">
      <strong>{t(state === 'revoked' ? 'registerLink.revoked' : 'registerLink.down')}</strong>
      <span>{t(state === 'revoked' ? 'registerLink.revokedHint' : 'registerLink.downHint')}</span>
    </div>
  );
}
