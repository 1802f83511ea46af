import { DEFAULT_STORE_TIME_ZONE, type StoreTimeZone } from '../../../app/domain/store-time-zone';

/**
 * The store's time zone for everything the page formats (issue 13). It arrives from the core with
 * `app.info.get` (ui slice's loadInfo sets it here) and cannot change during a page's life: a store
 * switch reloads the page, and the zone is chosen once per store in the wizard. Until it arrives,
 * Mexico City (the demo's zone). Kept here rather than threaded through every component so the
 * dozens of date cells read one value; the slice remains the only caller of the API.
 */
let zone: StoreTimeZone = DEFAULT_STORE_TIME_ZONE;

/** Sets the zone the page formats in (from the core's app info). */
export function setStoreTimeZone(next: StoreTimeZone): void {
  zone = next;
}

/** The zone the page formats in. */
export function storeTimeZone(): StoreTimeZone {
  return zone;
}
