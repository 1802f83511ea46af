/**
 * The store's time zone, defined once (issue 12): day boundaries, receipts, reports and every time
 * shown at the counter or in the office are in Mexico City time, whatever the PC's own zone.
 */
export const STORE_TIME_ZONE = 'America/Mexico_City';
