import { describe, expect, it } from 'vitest';
import { formatQuantity, parsePrice, parseQuantity } from '../../../../app/domain/products/amounts';
import { checkBarcode } from '../../../../app/domain/products/barcode';
import { fieldOfHeader, parseUnit } from '../../../../app/domain/products/catalog-columns';
import { formatIva, parseIva } from '../../../../app/domain/products/iva';
import { validateProductDraft } from '../../../../app/domain/products/product-draft';

describe('barcodes', () => {
  it('validates EAN-13, EAN-8 and UPC-A check digits', () => {
    expect(checkBarcode('7501055300075')).toEqual({ ok: true, code: '7501055300075', kind: 'ean13' });
    expect(checkBarcode('7501055300076').ok).toBe(false);
    expect(checkBarcode('96385074')).toMatchObject({ ok: true, kind: 'ean8' });
    expect(checkBarcode('96385075').ok).toBe(false);
    expect(checkBarcode('036000291452')).toMatchObject({ ok: true, kind: 'upca' });
    expect(checkBarcode('036000291453')).toMatchObject({
      ok: false,
      problem: { code: 'barcode_check_digit', params: { code: '036000291453', kind: 'UPC-A' } },
    });
  });

  it('allows internal codes and refuses spaces and symbols', () => {
    expect(checkBarcode(' BEB-001 ')).toEqual({ ok: true, code: 'BEB-001', kind: 'internal' });
    expect(checkBarcode('12345')).toMatchObject({ ok: true, kind: 'internal' });
    expect(checkBarcode('A B').ok).toBe(false);
    expect(checkBarcode('x'.repeat(33)).ok).toBe(false);
    expect(checkBarcode('').ok).toBe(false);
  });
});

describe('IVA', () => {
  it.each([
    ['16', 1600],
    ['16%', 1600],
    ['16 %', 1600],
    ['0.16', 1600],
    [0.16, 1600],
    [16, 1600],
    ['8', 800],
    ['8%', 800],
    ['0.08', 800],
    ['0', 0],
    [0, 0],
  ] as const)('reads %s as a rate', (text, rateBp) => {
    expect(parseIva(text)).toEqual({ kind: 'rate', rateBp });
  });

  it('reads exento in any case and refuses unknown rates', () => {
    for (const text of ['exento', 'Exento', 'EXENTO']) expect(parseIva(text)).toEqual({ kind: 'exempt' });
    for (const text of ['15', '0.15', 'diez', '', '-16']) expect(parseIva(text)).toBeNull();
    expect(formatIva({ kind: 'rate', rateBp: 800 })).toBe('8%');
    expect(parseIva(formatIva({ kind: 'exempt' }))).toEqual({ kind: 'exempt' });
  });
});

describe('prices and quantities', () => {
  it('reads prices into centavos and refuses negatives and text', () => {
    expect(parsePrice('12.50')).toEqual({ ok: true, value: 1250 });
    expect(parsePrice('$1,234.5')).toEqual({ ok: true, value: 123450 });
    expect(parsePrice(12.5)).toEqual({ ok: true, value: 1250 });
    expect(parsePrice(0.1 + 0.2)).toEqual({ ok: true, value: 30 });
    expect(parsePrice('-3')).toMatchObject({ ok: false, problem: { code: 'price_negative' } });
    expect(parsePrice(-3)).toMatchObject({ ok: false, problem: { code: 'price_negative' } });
    expect(parsePrice('doce')).toMatchObject({ ok: false });
    expect(parsePrice('1.234')).toMatchObject({ ok: false });
    expect(parsePrice(1.234)).toMatchObject({ ok: false });
  });

  it('reads quantities in thousandths', () => {
    expect(parseQuantity('1.250', { allowNegative: false })).toEqual({ ok: true, value: 1250 });
    expect(parseQuantity(12, { allowNegative: false })).toEqual({ ok: true, value: 12000 });
    expect(parseQuantity('-3', { allowNegative: true })).toEqual({ ok: true, value: -3000 });
    expect(parseQuantity('-3', { allowNegative: false }).ok).toBe(false);
    expect(parseQuantity('1.2345', { allowNegative: false }).ok).toBe(false);
    expect(formatQuantity(1250)).toBe('1.25');
    expect(formatQuantity(-3000)).toBe('-3');
  });
});

describe('headers and units', () => {
  it('maps the usual Spanish headers without accents or case', () => {
    expect(fieldOfHeader('Código')).toBe('sku');
    expect(fieldOfHeader('CODIGO DE BARRAS')).toBe('barcode');
    expect(fieldOfHeader('Descripción')).toBe('name');
    expect(fieldOfHeader('Precio Venta')).toBe('price');
    expect(fieldOfHeader('Existencia')).toBe('stock');
    expect(fieldOfHeader('Inventario Mínimo')).toBe('minStock');
    expect(fieldOfHeader('Categoría')).toBe('department');
    expect(fieldOfHeader('Color')).toBeNull();
    expect(parseUnit('Pza')).toBe('pieza');
    expect(parseUnit('Kilo')).toBe('kg');
    expect(parseUnit('caja')).toBeNull();
  });
});

describe('product validation', () => {
  const base = { sku: 'A-1', name: 'Arroz', price: 2500, iva: { kind: 'rate', rateBp: 0 } } as const;

  it('applies defaults', () => {
    expect(validateProductDraft(base)).toMatchObject({
      ok: true,
      value: { department: 'General', unit: 'pieza', soldByWeight: false, cost: null, barcodes: [] },
    });
  });

  it('lists every field problem', () => {
    const result = validateProductDraft({
      ...base,
      sku: ' ',
      name: '',
      barcodes: ['7501055300076', 'OK-1', 'OK-1'],
      unit: 'pieza',
      soldByWeight: true,
      price: -1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      'sku',
      'name',
      'barcodes.0',
      'barcodes.2',
      'price',
      'soldByWeight',
    ]);
  });

  it('allows sold by weight for kg', () => {
    expect(validateProductDraft({ ...base, unit: 'kg', soldByWeight: true }).ok).toBe(true);
  });
});
