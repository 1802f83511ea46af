import type { CajaApi } from '../../app/api/contract';

// Specs evaluate code in the page, where the bridge has defined `window.caja`.
declare global {
  interface Window {
    caja?: CajaApi;
  }
}
