// Dates and times are shown in the store's time zone, whatever the PC's clock says.
import { storeTimeZone } from './store-zone';

/** Date and time of an epoch-ms instant in the store's time zone, in the UI language. */
export function formatDateTime(at: number, language: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: storeTimeZone(),
  }).format(at);
}
