import { useCallback, useState } from 'react';
import type { ArgsOf, Channel, ValueOf } from '../../../../../app/api/contract';
import { useCajaApi } from '../../../hooks/use-caja-api';
import { useAppStore } from '../../../store/store-context';

/**
 * Calls one office channel and shows an error the app's way; resolves to the value, or null when
 * the call failed (already shown). `busy` is true while a call is in flight, to disable buttons.
 */
export function useOfficeCall(): {
  busy: boolean;
  call: <C extends Channel>(channel: C, args: ArgsOf<C>) => Promise<ValueOf<C> | null>;
} {
  const api = useCajaApi();
  const showError = useAppStore((s) => s.showError);
  const [busy, setBusy] = useState(false);
  const call = useCallback(
    async <C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ValueOf<C> | null> => {
      setBusy(true);
      try {
        const reply = await api.invoke(channel, args);
        if (reply.ok) return reply.value as ValueOf<C>;
        showError(reply.error);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [api, showError],
  );
  return { busy, call };
}
