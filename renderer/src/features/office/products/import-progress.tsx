import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../store/store-context';

/**
 * How far the running import has got, from the `office.products.importProgress` events (issue 13:
 * progress shown on long imports): an indeterminate bar while the file is opened, then rows done
 * of the total. Shown only while this dialog's own call runs (`running`), for its file.
 */
export function ImportProgressNote({ fileName, running }: { fileName: string | null; running: boolean }) {
  const { t, i18n } = useTranslation();
  const progress = useAppStore((s) => s.importProgress);
  if (!running) return null;
  const counting = progress !== null && progress.fileName === fileName && progress.phase === 'rows';
  const label = !counting
    ? t('officeProducts.import.reading')
    : t(progress.mode === 'commit' ? 'officeProducts.import.writing' : 'officeProducts.import.checking', {
        done: progress.done.toLocaleString(i18n.language),
        total: progress.total.toLocaleString(i18n.language),
      });
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      {counting ? (
        <progress
          aria-label={t('officeProducts.import.progress')}
          max={progress.total}
          value={progress.done}
        />
      ) : (
        <progress aria-label={t('officeProducts.import.progress')} />
      )}
      <span>{label}</span>
    </div>
  );
}
