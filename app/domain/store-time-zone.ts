/**
 * The store's time zone (issue 13): stored per store (setting `store.timeZone`), chosen among
 * Mexico's zones, and passed to every day boundary, report and receipt. The demo, and any store that
 * never chose, is in Mexico City time.
 *
 * Tijuana follows the US daylight-saving calendar (and Matamoros too, as border towns do), while
 * Mexico City has had no DST since October 2022: the same instant can be on different store days.
 * Universal code: Intl gives the offsets, so the renderer formats with the same zone.
 */

/** The zones a store may choose (IANA names). */
export const STORE_TIME_ZONES = [
  'America/Mexico_City',
  'America/Cancun',
  'America/Chihuahua',
  'America/Hermosillo',
  'America/Mazatlan',
  'America/Tijuana',
  'America/Matamoros',
] as const;

/** One of Mexico's zones. */
export type StoreTimeZone = (typeof STORE_TIME_ZONES)[number];

/** The demo's zone and the default of a store that never chose. */
export const DEFAULT_STORE_TIME_ZONE: StoreTimeZone = 'America/Mexico_City';

/** The setting that holds it. */
export const STORE_TIME_ZONE_KEY = 'store.timeZone';

/** True when `value` is one of the zones a store may choose. */
export function isStoreTimeZone(value: unknown): value is StoreTimeZone {
  return typeof value === 'string' && (STORE_TIME_ZONES as readonly string[]).includes(value);
}

/** A stored value as a zone: anything unexpected reads as Mexico City (as before the setting existed). */
export function storeTimeZoneOf(value: string | undefined): StoreTimeZone {
  return isStoreTimeZone(value) ? value : DEFAULT_STORE_TIME_ZONE;
}
