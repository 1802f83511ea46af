import { describe, expect, it } from 'vitest';
import { ean13CheckDigit } from '../../../app/domain/ean13';
import {
  DEFAULT_SCALE_LABEL_LAYOUTS,
  priceCheckDigit,
  readScaleLabel,
  scaleLabelLayoutProblem,
  type ScaleLabelLayout,
} from '../../../app/domain/scale-label';
import { scaleLabelsOf, scaleLabelsProblem } from '../../../app/domain/counter-settings';

/** A full label from its first 12 digits. */
const label = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

const withCheck: ScaleLabelLayout = {
  prefix: '26',
  pluDigits: 5,
  kind: 'price',
  valueDigits: 4,
  decimals: 2,
  valueCheckDigit: true,
};

describe('GS1 price/weight check digit (General Specifications §7.9.3)', () => {
  it('computes the 4-digit and the 5-digit fields as GS1 examples do', () => {
    expect(priceCheckDigit('2875')).toBe(9);
    expect(priceCheckDigit('14685')).toBe(6);
  });

  it('refuses a field that is not 4 or 5 digits', () => {
    expect(() => priceCheckDigit('123')).toThrow(RangeError);
    expect(() => priceCheckDigit('12a4')).toThrow(RangeError);
  });
});

describe('scale labels under the default layouts', () => {
  it('reads a price label (20): PLU 5 digits, price 5 digits with 2 decimals', () => {
    const code = label('200010101234');
    expect(readScaleLabel(code, DEFAULT_SCALE_LABEL_LAYOUTS)).toEqual({
      kind: 'label',
      label: { plu: '00101', kind: 'price', price: 1234 },
    });
  });

  it('reads each default price prefix (20, 21, 22) and weight prefix (23, 24, 25)', () => {
    for (const prefix of ['20', '21', '22']) {
      const read = readScaleLabel(label(`${prefix}0010200755`), DEFAULT_SCALE_LABEL_LAYOUTS);
      expect(read).toEqual({ kind: 'label', label: { plu: '00102', kind: 'price', price: 755 } });
    }
    for (const prefix of ['23', '24', '25']) {
      const read = readScaleLabel(label(`${prefix}0010200755`), DEFAULT_SCALE_LABEL_LAYOUTS);
      expect(read).toEqual({ kind: 'label', label: { plu: '00102', kind: 'weight', weight: 755 } });
    }
  });

  it('leaves 26–29 and every other code to the plain look-up', () => {
    expect(readScaleLabel(label('260010200755'), DEFAULT_SCALE_LABEL_LAYOUTS)).toEqual({
      kind: 'not_a_label',
    });
    expect(readScaleLabel('7501234100016', DEFAULT_SCALE_LABEL_LAYOUTS)).toEqual({ kind: 'not_a_label' });
    expect(readScaleLabel('2001010', DEFAULT_SCALE_LABEL_LAYOUTS)).toEqual({ kind: 'not_a_label' });
    expect(readScaleLabel('20010101234a', DEFAULT_SCALE_LABEL_LAYOUTS)).toEqual({ kind: 'not_a_label' });
    expect(readScaleLabel('', DEFAULT_SCALE_LABEL_LAYOUTS)).toEqual({ kind: 'not_a_label' });
  });

  it('refuses a label whose EAN-13 check digit is wrong instead of looking it up', () => {
    const good = label('230010200755');
    const bad = `${good.slice(0, 12)}${(Number(good.at(-1)) + 1) % 10}`;
    expect(readScaleLabel(bad, DEFAULT_SCALE_LABEL_LAYOUTS)).toEqual({
      kind: 'refused',
      reason: 'bad_check_digit',
    });
  });

  it('refuses a zero weight or price', () => {
    expect(readScaleLabel(label('230010200000'), DEFAULT_SCALE_LABEL_LAYOUTS)).toEqual({
      kind: 'refused',
      reason: 'zero_value',
    });
  });
});

describe('configured layouts', () => {
  it('reads a layout with a price check digit and refuses a wrong one', () => {
    // PLU 00101, the price check digit of 2875 (9), price $28.75.
    expect(priceCheckDigit('2875')).toBe(9);
    expect(readScaleLabel(label('260010192875'), [withCheck])).toEqual({
      kind: 'label',
      label: { plu: '00101', kind: 'price', price: 2875 },
    });
    expect(readScaleLabel(label('260010132875'), [withCheck])).toEqual({
      kind: 'refused',
      reason: 'bad_value_check_digit',
    });
  });

  it('scales a weight with fewer decimals (2 decimals of kg) and a price with none', () => {
    const weight2: ScaleLabelLayout = {
      ...withCheck,
      prefix: '27',
      kind: 'weight',
      valueCheckDigit: false,
      pluDigits: 6,
      decimals: 2,
    };
    expect(readScaleLabel(label('270001010075'), [weight2])).toEqual({
      kind: 'label',
      label: { plu: '000101', kind: 'weight', weight: 750 },
    });
    const pesos: ScaleLabelLayout = { ...weight2, prefix: '28', kind: 'price', decimals: 0 };
    expect(readScaleLabel(label('280001010125'), [pesos])).toEqual({
      kind: 'label',
      label: { plu: '000101', kind: 'price', price: 12_500 },
    });
  });

  it('says what is wrong with a layout that cannot be read', () => {
    expect(scaleLabelLayoutProblem(withCheck)).toBeNull();
    expect(scaleLabelLayoutProblem({ ...withCheck, prefix: '30' })).toMatch(/20 to 29/);
    expect(scaleLabelLayoutProblem({ ...withCheck, pluDigits: 4 })).toMatch(/10 digits/);
    expect(
      scaleLabelLayoutProblem({ ...withCheck, valueCheckDigit: false, pluDigits: 3, valueDigits: 7 }),
    ).toBeNull();
    expect(scaleLabelLayoutProblem({ ...withCheck, pluDigits: 3, valueDigits: 6 })).toMatch(/4- or 5-digit/);
    expect(scaleLabelLayoutProblem({ ...withCheck, decimals: 3 })).toMatch(/at most 2/);
    expect(scaleLabelLayoutProblem({ ...withCheck, pluDigits: 0, valueDigits: 9 })).toMatch(/PLU/);
  });

  it('ignores a prefix whose stored layout is unsound, and a list with a prefix twice is refused', () => {
    const broken = { ...withCheck, pluDigits: 9 };
    expect(readScaleLabel(label('260010192875'), [broken])).toEqual({ kind: 'not_a_label' });
    expect(scaleLabelsProblem([withCheck, withCheck])).toMatch(/twice/);
    expect(scaleLabelsProblem([...DEFAULT_SCALE_LABEL_LAYOUTS])).toBeNull();
  });

  it('reads stored layouts back, and corrupt rows as the defaults', () => {
    expect(scaleLabelsOf(undefined)).toEqual(DEFAULT_SCALE_LABEL_LAYOUTS);
    expect(scaleLabelsOf(JSON.stringify([withCheck]))).toEqual([withCheck]);
    expect(scaleLabelsOf('not json')).toEqual(DEFAULT_SCALE_LABEL_LAYOUTS);
    expect(scaleLabelsOf(JSON.stringify([{ ...withCheck, pluDigits: 9 }]))).toEqual(
      DEFAULT_SCALE_LABEL_LAYOUTS,
    );
    expect(scaleLabelsOf(JSON.stringify({ prefix: '20' }))).toEqual(DEFAULT_SCALE_LABEL_LAYOUTS);
  });
});
