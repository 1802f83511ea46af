import type { CajaApi } from '../../../app/api/contract';
import { useAppStore } from '../store/store-context';

/** The bridge, for screens (the manager's office) that fetch into component state, not the store. */
export function useCajaApi(): CajaApi {
  return useAppStore((s) => s.api);
}
