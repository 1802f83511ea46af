import { describe, expect, it } from 'vitest';
import { ean13CheckDigit, isValidEan13 } from '../../../app/domain/ean13';
import { foldForSearch } from '../../../app/domain/text';

describe('EAN-13', () => {
  it('computes GS1 check digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1); // 4006381333931, a well-known example
    expect(ean13CheckDigit('750100000000')).toBe(5); // 7+15+3 = 25 → 5
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
  });
});

describe('search folding', () => {
  it('ignores case and accents', () => {
    expect(foldForSearch('  Plátano  JALAPEÑO ')).toBe('platano jalapeno');
  });
});
