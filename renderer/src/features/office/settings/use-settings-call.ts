import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArgsOf, Channel, ValueOf } from '../../../../../app/api/contract';
import type { AppError, ErrorCode } from '../../../../../app/domain/result';
import { useCajaApi } from '../../../hooks/use-caja-api';

/** A call's outcome as a section shows it: the value, or a sentence for the person. */
export type CallOutcome<C extends Channel> = { ok: true; value: ValueOf<C> } | { ok: false; message: string };

/** Error codes a section explains in its own words (e.g. conflict → "the last manager"). */
export type ErrorTexts = Partial<Record<ErrorCode, string>>;

// Field issues whose message is a key of officeSettings.errors (set by the services).
const ISSUE_KEYS = new Set(['rfc_shape', 'relay_url']);

/** Calls a channel and turns an expected failure into text: a field issue, the section's words, or the generic one. */
export function useSettingsCall() {
  const api = useCajaApi();
  const { t } = useTranslation();
  const explain = useCallback(
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
  return useCallback(
    async <C extends Channel>(
      channel: C,
      args: ArgsOf<C>,
      texts: ErrorTexts = {},
    ): Promise<CallOutcome<C>> => {
      const reply = await api.invoke(channel, args);
      return reply.ok
        ? { ok: true, value: reply.value }
        : { ok: false, message: explain(reply.error, texts) };
    },
    [api, explain],
  );
}
