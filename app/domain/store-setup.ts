/**
 * The first-run wizard's vocabulary (issue 13): which store is open (the demo or the real one) and
 * what creating the real store takes. Universal: the renderer's form and the trusted side share it.
 */
import type { StoreTimeZone } from './store-time-zone';

/** The demo (training, seeded, simulator) or the store's own books. See [Note: demo and real store]. */
export type StoreKind = 'demo' | 'real';

/** Which store is open and whether the real one exists (so the demo offers "Configurar mi tienda"). */
export interface StoreInfo {
  kind: StoreKind;
  realExists: boolean;
  timeZone: StoreTimeZone;
}

/** The Kushki step of the wizard (skippable: then the store starts in `dev` with no key). */
export interface StoreSetupKushki {
  environment: 'dev' | 'live';
  /** Required to choose `live`, as in Oficina → Configuración. */
  confirm?: string | undefined;
  apiKey?: string | undefined;
  terminalSerials: string[];
}

/** The relay step of the wizard (skippable). */
export interface StoreSetupRelay {
  url: string;
  storeId: string;
  streamToken?: string | undefined;
  signingKey?: string | undefined;
}

/** Everything `store.setup.create` needs; the steps after the manager may be left out. */
export interface StoreSetupInput {
  store: { name: string; rfc: string; address: string; timeZone: StoreTimeZone };
  manager: { name: string; pin: string };
  kushki?: StoreSetupKushki | undefined;
  relay?: StoreSetupRelay | undefined;
}
