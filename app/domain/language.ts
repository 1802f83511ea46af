/** Languages the UI offers; es-MX is the default. */
export type Language = 'es-MX' | 'en';
