import { useCallback } from 'react';
import type { ArgsOf, Channel, ValueOf } from '../../../../../app/api/contract';
import { useCajaApi } from '../../../hooks/use-caja-api';
import { useAppStore } from '../../../store/store-context';

/** Calls a channel and shows its error the app's way; resolves to the value, or undefined on error. */
export function useOfficeCall() {
  const api = useCajaApi();
  const showError = useAppStore((s) => s.showError);
  return useCallback(
    async <C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ValueOf<C> | undefined> => {
      const reply = await api.invoke(channel, args);
      if (reply.ok) return reply.value as ValueOf<C>;
      showError(reply.error);
      return undefined;
    },
    [api, showError],
  );
}

/** Runs `listener` whenever a payment changes (refund outcomes, verifications), until unmount. */
export function usePaymentUpdates(): (listener: () => void) => () => void {
  const api = useCajaApi();
  return useCallback((listener: () => void) => api.on('payments.updated', listener), [api]);
}
