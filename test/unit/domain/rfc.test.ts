import { describe, expect, it } from 'vitest';
import { isValidRfc, normalizeRfc } from '../../../app/domain/office/settings';

describe('Mexican RFC shape', () => {
  it.each([
    'GOMM800101AB1', // a person: 4 letters
    'ABC991231XY9', // a company: 3 letters
    'XAXX010101000', // SAT's generic RFC for the public
    'ÑAÑ010101AAA', // Ñ is a letter of RFCs
    'A&B010101AAA', // & appears in company RFCs
  ])('accepts %s', (rfc) => expect(isValidRfc(rfc)).toBe(true));

  it.each([
    ['too short', 'AB010101AAA'],
    ['five letters', 'ABCDE010101AAA'],
    ['month 13', 'ABC011301AAA'],
    ['day 00', 'ABC010100AAA'],
    ['homoclave too short', 'ABC010101AA'],
    ['symbol in homoclave', 'ABC010101A-A'],
    ['lower case before normalising', 'gomm800101ab1'],
  ])('refuses %s', (_, rfc) => expect(isValidRfc(rfc)).toBe(false));

  it('normalises what people type: spaces trimmed, upper case', () => {
    expect(normalizeRfc('  gomm800101ab1 ')).toBe('GOMM800101AB1');
    expect(isValidRfc(normalizeRfc(' gomm800101ab1'))).toBe(true);
  });
});
