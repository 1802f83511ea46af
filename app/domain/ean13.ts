/**
 * GS1 check digits (EAN-13, EAN-8, UPC-A): from the right, digits are weighted 3, 1, 3, 1…; the
 * check digit brings the sum to a multiple of ten.
 */
export function gs1CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError('a GS1 check digit needs digits');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const fromRight = digits.length - 1 - i;
    sum += Number(digits[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** The GS1 check digit for the first 12 digits of an EAN-13. */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError('EAN-13 needs 12 digits before the check digit');
  return gs1CheckDigit(first12);
}

/** True when `code` is `length` digits whose last digit is the correct GS1 check digit. */
function isValidGs1(code: string, length: number): boolean {
  return (
    code.length === length && /^\d+$/.test(code) && gs1CheckDigit(code.slice(0, -1)) === Number(code.at(-1))
  );
}

/** True when `code` is 13 digits whose last digit is the correct GS1 check digit. */
export function isValidEan13(code: string): boolean {
  return isValidGs1(code, 13);
}

/** True when `code` is a valid EAN-8 (8 digits, GS1 check digit). */
export function isValidEan8(code: string): boolean {
  return isValidGs1(code, 8);
}

/** True when `code` is a valid UPC-A (12 digits, GS1 check digit). */
export function isValidUpcA(code: string): boolean {
  return isValidGs1(code, 12);
}
