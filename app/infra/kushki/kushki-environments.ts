/** Where Caja's Kushki client points. `demo` is the in-process simulator on loopback. */
export type KushkiEnvironment = 'demo' | 'dev' | 'live';

/** Kushki's published hosts (cloud-terminal-api.md §1). Demo's URL is the simulator's, known at start-up. */
export const KUSHKI_BASE_URLS: Record<Exclude<KushkiEnvironment, 'demo'>, string> = {
  dev: 'https://kushkicollect.billpocket.dev',
  live: 'https://kushkicollect.billpocket.com',
};

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
