/** Where Caja's Kushki client points. `demo` is the in-process simulator on loopback. */
export type KushkiEnvironment = 'demo' | 'dev' | 'live';

/** Kushki's published hosts (cloud-terminal-api.md §1). Demo's URL is the simulator's, known at start-up. */
export const KUSHKI_BASE_URLS: Record<Exclude<KushkiEnvironment, 'demo'>, string> = {
  dev: 'https://kushkicollect.billpocket.dev',
  live: 'https://kushkicollect.billpocket.com',
};

/** Why a Kushki base URL was refused. The message never repeats the value: it could hold credentials. */
export class KushkiBaseUrlError extends Error {
  constructor(why: string) {
    super(`The Kushki base URL (--kushki-url / CAJA_KUSHKI_BASE_URL) ${why}.`);
    this.name = 'KushkiBaseUrlError';
  }
}

// Plain http only to this machine, where a stand-alone simulator listens; anywhere else the key
// would cross the network in clear.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks a base URL given for Kushki and returns it without a trailing slash: https anywhere, or
 * http on 127.0.0.1 / localhost only; no credentials, query or fragment (the key goes in X-BP-AUTH).
 */
export function validKushkiBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new KushkiBaseUrlError('is not a URL');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new KushkiBaseUrlError('must carry no credentials, query or fragment');
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw new KushkiBaseUrlError('must be https://, or http:// on 127.0.0.1 or localhost');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Where `dev` or `live` sends requests: Kushki's documented host for that environment, unless the
 * operator pointed it elsewhere (a stand-alone simulator, a proxy, a new Kushki host).
 */
export function kushkiBaseUrlFor(environment: Exclude<KushkiEnvironment, 'demo'>, override?: string): string {
  return override?.trim() ? validKushkiBaseUrl(override) : KUSHKI_BASE_URLS[environment];
}

/**
 * Endpoint paths. Cancel and print are not documented publicly (§8 #3, #5): they are settings so a
 * store can follow Kushki without a new release.
 */
export interface KushkiPaths {
  push: string;
  status: string;
  cancel: string;
  refund: string;
  print: string;
}

/** The paths Caja uses unless configured otherwise. */
export const DEFAULT_KUSHKI_PATHS: KushkiPaths = {
  push: '/v2/push-notifications',
  status: '/get-status/',
  cancel: '/cancel-push-notification',
  refund: '/refund',
  print: '/v2/print-ticket',
};
