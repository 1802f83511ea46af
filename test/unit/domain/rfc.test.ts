import { describe, expect, it } from 'vitest';
import { isValidRfc, normalizeRfc } from '../../../app/domain/office/settings';
import { GENERIC_RFCS, rfcKind } from '../../../app/domain/rfc';

describe('Mexican RFC shape', () => {
  it.each([
    'GOMM800101AB1', // a person: 4 letters
    'ABC991231XY9', // a company: 3 letters
    'XAXX010101000', // SAT's generic RFC for the public
    'XEXX010101000', // and for foreigners
    'ÑAÑ010101AAA', // Ñ is a letter of RFCs
    'A&B010101AAA', // & appears in company RFCs
    'MUÑO000229AB1', // 29 February 2000, a leap year
  ])('accepts %s', (rfc) => expect(isValidRfc(rfc)).toBe(true));

  it.each([
    ['"hola"', 'HOLA'],
    ['too short', 'AB010101AAA'],
    ['five letters', 'ABCDE010101AAA'],
    ['month 13', 'ABC011301AAA'],
    ['day 00', 'ABC010100AAA'],
    ['30 February', 'ABC010230AAA'],
    ['31 April', 'GOMM800431AB1'],
    ['29 February of a common year', 'GOMM810229AB1'],
    ['homoclave too short', 'ABC010101AA'],
    ['check character neither digit nor A', 'ABC010101ABZ'],
    ['symbol in homoclave', 'ABC010101A-A'],
    ['digit among the letters', 'A1C010101AAA'],
    ['lower case before normalising', 'gomm800101ab1'],
  ])('refuses %s', (_, rfc) => expect(isValidRfc(rfc)).toBe(false));

  it('normalises what people type: spaces and dashes out, upper case', () => {
    expect(normalizeRfc('  gomm800101ab1 ')).toBe('GOMM800101AB1');
    expect(normalizeRfc('GOMM-800101-AB1')).toBe('GOMM800101AB1');
    expect(isValidRfc(normalizeRfc(' gomm800101ab1'))).toBe(true);
    expect(isValidRfc(normalizeRfc('hola'))).toBe(false);
  });

  it('tells a persona física (4 letters) from a persona moral (3)', () => {
    expect(rfcKind('GOMM800101AB1')).toBe('fisica');
    expect(rfcKind('ABC991231XY9')).toBe('moral');
    expect(rfcKind('HOLA')).toBeNull();
    for (const generic of GENERIC_RFCS) expect(rfcKind(generic)).toBe('fisica');
  });
});
