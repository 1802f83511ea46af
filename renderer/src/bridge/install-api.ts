import type { CajaApi } from '../../../app/api/contract';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    caja?: CajaApi;
  }
}

/**
 * Returns `window.caja`: the Electron preload defines it before any page script runs; in the web
 * shell the browser bridge defines it here, non-writable, so the page sees one API either way.
 */
export function installApi(): CajaApi {
  if (window.caja) return window.caja;
  const api = createWebBridge();
  Object.defineProperty(window, 'caja', {
    value: api,
    writable: false,
    configurable: false,
    enumerable: true,
  });
  return api;
}
