import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store-context';

const INFO_VISIBLE_MS = 4_000;

/** One line of feedback; errors stay until dismissed, confirmations fade on their own. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(dismiss, INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="notice-bar" role="status" aria-live="polite">
      {notice ? (
        <p className={`notice ${notice.tone}`} data-testid="notice">
          {t(notice.key, notice.params ?? {})}
          <button type="button" aria-label={t('notices.dismiss')} onClick={dismiss}>
            ×
          </button>
        </p>
      ) : null}
    </div>
  );
}
