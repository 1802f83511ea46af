import { describe, expect, it } from 'vitest';
import { returnAmount } from '../../../../app/domain/office/returns';

/** Each return's amount in turn, returning `steps` thousandths at a time. See [Note: return amounts]. */
function returnsOf(gross: number, soldMilli: number, steps: number[]): number[] {
  let returnedMilli = 0;
  return steps.map((q) => {
    const amount = returnAmount({ gross, soldMilli, returnedMilli }, q);
    returnedMilli += q;
    return amount;
  });
}

describe('returnAmount', () => {
  it('gives back the line price after its discount, one piece at a time', () => {
    expect(returnsOf(2700, 3000, [1000, 1000, 1000])).toEqual([900, 900, 900]);
    expect(returnsOf(285, 3000, [1000, 1000, 1000])).toEqual([95, 95, 95]);
  });

  it('splits an odd centavo so the returns add up to exactly the line', () => {
    const parts = returnsOf(1000, 3000, [1000, 1000, 1000]);
    expect(parts).toEqual([333, 334, 333]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('returns thousandths of a weighed line and never drifts from its total', () => {
    const parts = returnsOf(4599, 1250, [333, 417, 500]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(4599);
    expect(returnsOf(4599, 1250, [1250])).toEqual([4599]);
  });
});
