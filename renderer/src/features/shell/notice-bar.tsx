import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store-context';

const INFO_VISIBLE_MS = 4_000;

/**
 * One line of feedback (issue 14, item 9): confirmations fade on their own; an error stays until
 * the cashier's next action (a key or a tap anywhere), so it is read but never left behind to
 * describe a later, different moment. Locking the register clears it: the lock screen shows only
 * its own words.
 */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const locked = useAppStore((s) => s.session?.locked ?? false);
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(dismiss, INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  useEffect(() => {
    if (notice?.tone !== 'error') return;
    // Armed after the event that raised the notice has finished, so that event cannot clear it.
    let armed = false;
    const arm = setTimeout(() => (armed = true), 0);
    const onAction = () => {
      if (armed) dismiss();
    };
    window.addEventListener('keydown', onAction, true);
    window.addEventListener('pointerdown', onAction, true);
    return () => {
      clearTimeout(arm);
      window.removeEventListener('keydown', onAction, true);
      window.removeEventListener('pointerdown', onAction, true);
    };
  }, [notice, dismiss]);
  useEffect(() => {
    if (locked) dismiss();
  }, [locked, dismiss]);
  return (
    <div className="notice-bar" role="status" aria-live="polite">
      {notice ? (
        <p className={`notice ${notice.tone}`} data-testid="notice" data-tone={notice.tone}>
          {t(notice.key, notice.params ?? {})}
          <button type="button" aria-label={t('notices.dismiss')} onClick={dismiss}>
            ×
          </button>
        </p>
      ) : null}
    </div>
  );
}
