import { describe, expect, it } from 'vitest';
import { parseQuantityEntry } from '../../../renderer/src/store/cart.slice';

describe('a scan with a quantity (3*code)', () => {
  it.each([
    ['3*7501234567890', { quantity: 3, code: '7501234567890' }],
    ['12 * BEB-001', { quantity: 12, code: 'BEB-001' }],
    ['2x7501234567890', { quantity: 2, code: '7501234567890' }],
    ['7501234567890', { quantity: 1, code: '7501234567890' }],
    ['  BEB-001 ', { quantity: 1, code: 'BEB-001' }],
  ])('reads %j', (entry, expected) => {
    expect(parseQuantityEntry(entry)).toEqual(expected);
  });

  it.each([[''], ['   '], ['0*BEB-001']])('refuses %j', (entry) => {
    expect(parseQuantityEntry(entry)).toBeNull();
  });

  it('keeps a code that merely contains a star or an x as a code', () => {
    expect(parseQuantityEntry('1000*BEB-001')).toEqual({ quantity: 1, code: '1000*BEB-001' });
    expect(parseQuantityEntry('BOX-12')).toEqual({ quantity: 1, code: 'BOX-12' });
  });
});
