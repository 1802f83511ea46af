import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArgsOf, ValueOf } from '../../../../../app/api/contract';
import type { AppError, ErrorCode } from '../../../../../app/domain/result';
import type { OfficeChannel } from '../../../store/office/office.slice';
import { useOfficeAsk, useOfficeAttempt, type OfficeAttempt } from '../../../store/office/use-office';

/** A call's outcome as a section shows it: the value, or a sentence for the person. */
export type CallOutcome<C extends OfficeChannel> =
  { ok: true; value: ValueOf<C> } | { ok: false; message: string };

/** Error codes a section explains in its own words (e.g. conflict → "the last manager"). */
export type ErrorTexts = Partial<Record<ErrorCode, string>>;

// Field issues whose message is a key of officeSettings.errors (set by the services).
const ISSUE_KEYS = new Set([
  'rfc_shape',
  'relay_url',
  'demo_in_real_store',
  'update_url',
  'printer_os_remote',
]);

/** Words a failure for a settings section: a field issue, the section's own words, or the generic one. */
function useExplain() {
  const { t } = useTranslation();
  return useCallback(
    (error: AppError, texts: ErrorTexts): string => {
      const issue = error.issues?.find((i) => ISSUE_KEYS.has(i.message))?.message;
      if (issue) return t(`officeSettings.errors.${issue}`);
      const own = texts[error.code];
      if (own) return own;
      if (error.code === 'validation_failed' || error.code === 'forbidden') {
        return t(`officeSettings.errors.${error.code}`);
      }
      return t(`errors.${error.code}`, { id: error.correlationId ?? '' });
    },
    [t],
  );
}

function useOutcome(attempt: OfficeAttempt) {
  const explain = useExplain();
  return useCallback(
    async <C extends OfficeChannel>(
      channel: C,
      args: ArgsOf<C>,
      texts: ErrorTexts = {},
    ): Promise<CallOutcome<C>> => {
      const reply = await attempt(channel, args);
      return reply.ok
        ? { ok: true, value: reply.value }
        : { ok: false, message: explain(reply.error, texts) };
    },
    [attempt, explain],
  );
}

/** Runs a settings change through the office's data layer and words its failure. */
export function useSettingsCall() {
  return useOutcome(useOfficeAttempt());
}

/** Reads what a settings form starts from (copied into its own fields) and words a failure. */
export function useSettingsRead() {
  return useOutcome(useOfficeAsk());
}
