import { useCallback, useEffect, useState } from 'react';
import type { ArgsOf, Channel, ValueOf } from '../../../../../app/api/contract';
import { useCajaApi } from '../../../hooks/use-caja-api';
import { useAppStore } from '../../../store/store-context';

/**
 * Reads one office channel into component state, again whenever its arguments change or `reload`
 * is called; null while loading, or when `args` is null (nothing to ask yet). Errors are shown the
 * app's way. A late answer for older arguments is dropped.
 */
export function useOfficeQuery<C extends Channel>(
  channel: C,
  args: ArgsOf<C> | null,
): { value: ValueOf<C> | null; reload: () => void } {
  const api = useCajaApi();
  const showError = useAppStore((s) => s.showError);
  const [state, setState] = useState<{ key: string; value: ValueOf<C> } | null>(null);
  const [revision, setRevision] = useState(0);
  // Arguments compared by value, so a caller may pass a fresh object literal each render.
  const key = args === null ? null : JSON.stringify(args);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    void api.invoke(channel, JSON.parse(key) as ArgsOf<C>).then((reply) => {
      if (!live) return;
      if (reply.ok) setState({ key, value: reply.value as ValueOf<C> });
      else showError(reply.error);
    });
    return () => {
      live = false;
    };
  }, [api, channel, key, revision, showError]);
  const reload = useCallback(() => setRevision((n) => n + 1), []);
  return { value: state !== null && state.key === key ? state.value : null, reload };
}
