/**
 * The SAT's RFC (Registro Federal de Contribuyentes) as Caja checks it: shape and a real date, not
 * the check digit (a mistyped homoclave is the SAT's to reject on an invoice; refusing a real RFC
 * at the counter because our digit table disagreed would be worse). Pure, so the wizard's form in
 * the renderer and the trusted side use the same rule.
 *
 * - persona moral: 3 letters (from the company's name), persona física: 4 letters (from the name and
 *   surnames); letters are A–Z plus Ñ and & (SAT writes both in names);
 * - YYMMDD: date of incorporation or birth, a real calendar date (no 30 February);
 * - homoclave: 2 letters or digits and a check character (a digit or A).
 * The generic RFCs XAXX010101000 (público en general) and XEXX010101000 (extranjeros) fit the shape.
 */

const RFC_SHAPE = /^([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z\d]{2}[\dA])$/u;

/** The generic RFCs the SAT publishes for sales to the general public and to foreigners. */
export const GENERIC_RFCS = ['XAXX010101000', 'XEXX010101000'] as const;

/** Upper-cases and trims an RFC as typed (spaces and dashes people put in are removed). */
export function normalizeRfc(rfc: string): string {
  return rfc.trim().toUpperCase().replace(/[\s-]/gu, '');
}

/** True when YYMMDD is a real date in 19YY or 20YY (a 29 February needs a leap year in one of them). */
function realDate(yy: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // 2000 was a leap year and 1900 was not; a two-digit year is leap in one century if yy % 4 === 0.
  const leap = yy % 4 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** True when `rfc` (already normalised) is a persona moral's or física's RFC with a real date. */
export function isValidRfc(rfc: string): boolean {
  const match = RFC_SHAPE.exec(rfc);
  if (!match) return false;
  return realDate(Number(match[2]), Number(match[3]), Number(match[4]));
}

/** Which kind of taxpayer an RFC names, or null when it is not valid. */
export function rfcKind(rfc: string): 'moral' | 'fisica' | null {
  if (!isValidRfc(rfc)) return null;
  return /^[A-ZÑ&]{4}\d/u.test(rfc) ? 'fisica' : 'moral';
}
