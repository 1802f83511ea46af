import { describe, expect, it } from 'vitest';
import { csvField, csvLines } from '../../../../app/services/office/shifts/report-csv';

describe('CSV fields for Excel', () => {
  it('quotes what RFC 4180 needs quoted and leaves the rest alone', () => {
    expect(csvField('Begoña Íñiguez')).toBe('Begoña Íñiguez');
    expect(csvField('Pérez, "Güero"')).toBe('"Pérez, ""Güero"""');
    expect(csvField('dos\nlíneas')).toBe('"dos\nlíneas"');
    expect(csvField(' borde')).toBe('" borde"');
    expect(csvLines([['a', 'b'], ['c']])).toBe('a,b\r\nc\r\n');
  });

  it('keeps negative amounts as numbers but disarms formulas', () => {
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+52 55')).toBe("'+52 55");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-foo')).toBe("'-foo");
  });
});
