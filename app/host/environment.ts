import type { KushkiEnvironment } from '../infra/kushki/kushki-environments';

/** Reads the environment setting; anything unexpected means demo, where no real money can move. */
export function environmentOf(value: string | undefined): KushkiEnvironment {
  return value === 'dev' || value === 'live' ? value : 'demo';
}

/** Where the Kushki base URL override comes from, in order of precedence. */
export interface KushkiUrlSources {
  flag?: string | undefined;
  env?: string | undefined;
}

/** `--kushki-url`, then `CAJA_KUSHKI_BASE_URL`; undefined means Kushki's documented host. Checked at boot. */
export function kushkiUrlOverride(sources: KushkiUrlSources): string | undefined {
  return sources.flag?.trim() || sources.env?.trim() || undefined;
}
