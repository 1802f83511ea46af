import type { KushkiEnvironment } from '../infra/kushki/kushki-environments';

/** Reads the environment setting; anything unexpected means demo, where no real money can move. */
export function environmentOf(value: string | undefined): KushkiEnvironment {
  return value === 'dev' || value === 'live' ? value : 'demo';
}
