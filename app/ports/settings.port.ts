/**
 * Settings storage. Rows marked secret (the Kushki key, relay tokens) can be written and tested
 * for presence here, but only trusted infra reads them, through the secret-store port.
 */
export interface SettingsRepo {
  getPublic(key: string): string | undefined;
  setPublic(key: string, value: string, now: number): void;
}

/** Write-only access to secrets from the API's point of view (house style, principle 3). */
export interface SecretStore {
  set(name: string, value: string): void;
  clear(name: string): void;
  status(name: string): { configured: boolean; last4?: string };
  /** For infra adapters only (e.g. the Kushki client); never reachable from a handler's result. */
  read(name: string): string | undefined;
}
