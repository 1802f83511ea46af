import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../../app/domain/result';
import { useAppStore } from '../../../store/store-context';

/** What a product problem travels with from the trusted side (a FieldIssue or an ImportIssue). */
export interface CodedProblem {
  code?: string | undefined;
  params?: Record<string, string | number> | undefined;
}

/**
 * A product problem in the screen's language from its code and params (See [Note: product
 * problems]), or the English text it came with when it has no code or one this screen does not know.
 */
export function problemText(t: TFunction, problem: CodedProblem, english: string): string {
  if (!problem.code) return english;
  // `replace` keeps the params apart from t's own options (a param named `count` would pluralise).
  return t(`officeProducts.problems.${problem.code}`, {
    replace: problem.params ?? {},
    defaultValue: english,
  });
}

/**
 * For useOfficeCommand: a catalog file refused as a whole (not a spreadsheet, no header, empty)
 * arrives as one `file` issue; it is shown by its code instead of the generic "Datos no válidos.".
 */
export function useExplainUnusableFile(): (error: AppError) => boolean {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  return useCallback(
    (error) => {
      const file = error.issues?.find((issue) => issue.path === 'file');
      if (!file) return false;
      notify('error', 'officeProducts.import.unusable', { reason: problemText(t, file, file.message) });
      return true;
    },
    [t, notify],
  );
}
