/** The receipt layout at 58 mm (32 columns) and 80 mm (48), long names included (issue 15, issue 14 item 8). */
import { describe, expect, it } from 'vitest';
import { receiptLabels } from '../../../../app/domain/receipt-labels';
import {
  formatPesos,
  layoutReceipt,
  pairLines,
  wrapText,
  type ReceiptDocument,
  type TextRow,
} from '../../../../app/domain/receipt-layout';
import { parseSaleBarcode, saleBarcodeValue } from '../../../../app/domain/sale-barcode';
import { cardPayment, cashPayment, sampleReceipt } from '../../../support/printing/sample-receipt';

const labels = receiptLabels('es-MX');
const layout = (columns: number, receipt = sampleReceipt()) =>
  layoutReceipt(receipt, { columns, labels, formatDate: () => '03/12/26, 12:30' });
const textRows = (doc: ReceiptDocument) => doc.rows.filter((r): r is TextRow => r.kind === 'text');
const allLines = (doc: ReceiptDocument) => textRows(doc).flatMap((r) => r.lines);

describe.each([32, 48])('the receipt at %i columns', (columns) => {
  const doc = layout(columns);

  it('never prints a line wider than the paper (large rows at half the columns)', () => {
    for (const row of textRows(doc)) {
      const limit = row.style === 'large' ? columns / 2 : columns;
      for (const line of row.lines) expect(line.length, line).toBeLessThanOrEqual(limit);
    }
  });

  it('wraps a long product name and right-aligns its amount at the last column, a space apart', () => {
    const row = textRows(doc).find((r) => r.role === 'line' && r.lines.join(' ').includes('Jamón'))!;
    expect(row.lines.length).toBeGreaterThan(1);
    const last = row.lines.at(-1)!;
    expect(last).toHaveLength(columns);
    expect(last.endsWith(' $285.00')).toBe(true);
    expect(row.lines.join(' ').replace(/\s+\$285\.00$/, '')).toBe(
      'Jamón de pavo ahumado extrafino rebanado en charola familiar',
    );
  });

  it('aligns every amount to the right edge', () => {
    for (const row of textRows(doc).filter((r) => r.amount && r.style !== 'large')) {
      expect(row.lines.at(-1)).toHaveLength(columns);
      expect(row.lines.at(-1)!.endsWith(row.amount!)).toBe(true);
    }
  });

  it('shows the quantity, the discount, the bold total and the legal line', () => {
    const lines = allLines(doc);
    expect(lines).toContain('  2 × $150.00');
    expect(lines.some((l) => l.startsWith('  Descuento') && l.endsWith('-$15.00'))).toBe(true);
    const total = textRows(doc).find((r) => r.role === 'total')!;
    expect(total.style).toBe('total');
    expect(total.lines[0]).toMatch(/^TOTAL +\$380\.00$/);
    expect(lines.join(' ')).toContain('Este ticket no es un comprobante fiscal');
    expect(doc.rows.at(-1)).toEqual({ kind: 'barcode', value: 'V00000123', caption: 'Código de la venta' });
  });
});

describe('payment details on the receipt', () => {
  it('card: brand, last four, authorization, MSI in words, and the tip in the total charged', () => {
    const receipt = sampleReceipt({ payments: [cardPayment({ tip: 3_800, msi: 3 })] });
    const doc = layout(32, receipt);
    const text = allLines(doc).join('\n');
    expect(text).toMatch(/Tarjeta VISA ···· 4242 +\$418\.00/);
    expect(text).toContain('Autorización: A1B2C3');
    expect(text).toContain('3 meses sin intereses');
    expect(text).toMatch(/Propina +\$38\.00/);
    expect(textRows(doc).find((r) => r.role === 'charged')?.lines[0]).toMatch(/^TOTAL COBRADO +\$418\.00$/);
  });

  it('a card payment confirmed by get-status alone says plainly what it cannot show', () => {
    const receipt = sampleReceipt({
      payments: [cardPayment({ cardBrand: null, cardLast4: null, authorizationCode: null })],
    });
    const text = allLines(layout(48, receipt)).join(' ');
    expect(text).toMatch(/Tarjeta +\$380\.00/);
    expect(text).toContain('La terminal no envió marca, últimos 4 dígitos ni autorización');
    expect(text).toContain('Operación Kushki: TX-998877');
  });

  it('cash: received and the change large (double width: half the columns)', () => {
    const receipt = sampleReceipt({ payments: [cashPayment(38_000, 50_000)] });
    for (const columns of [32, 48]) {
      const change = textRows(layout(columns, receipt)).find((r) => r.role === 'change')!;
      expect(change.style).toBe('large');
      expect(change.lines).toEqual([`CAMBIO${'$120.00'.padStart(columns / 2 - 6)}`]);
    }
  });

  it('takes a preformatted quantity text (weighed lines)', () => {
    const receipt = sampleReceipt({
      lines: [
        {
          name: 'Queso Oaxaca',
          sku: 'QUE-001',
          quantity: 755,
          unitPrice: 8_990,
          discount: 0,
          gross: 6_787,
          quantityMilli: null,
          unit: 'pieza',
          openPrice: false,
          quantityText: '0.755 kg × $89.90/kg',
        },
      ],
    });
    expect(allLines(layout(32, receipt))).toContain('  0.755 kg × $89.90/kg');
  });
});

describe('layout helpers', () => {
  it('formats pesos with thousands separators', () => {
    expect(formatPesos(123_456_789)).toBe('$1,234,567.89');
    expect(formatPesos(5)).toBe('$0.05');
    expect(formatPesos(-1_500)).toBe('-$15.00');
  });

  it('wraps at spaces and cuts only a word longer than the line', () => {
    expect(wrapText('uno dos tres', 7)).toEqual(['uno dos', 'tres']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(pairLines('Nombre muy largo', '$1.00', 11)).toEqual(['Nombre muy', 'largo $1.00']);
    expect(pairLines('Nombre', '$1,000.00', 12)).toEqual(['Nombre', '   $1,000.00']);
  });

  it('sale barcodes round-trip and are never a product code', () => {
    expect(saleBarcodeValue(42)).toBe('V00000042');
    expect(parseSaleBarcode('v00000042')).toBe(42);
    expect(parseSaleBarcode('7501055300075')).toBeNull();
    expect(parseSaleBarcode('V00000000')).toBeNull();
  });
});

describe('the receipt words print on CP858', () => {
  it('every label, in both languages, survives a round trip through the printed code page', async () => {
    const iconv = (await import('iconv-lite')).default;
    for (const language of ['es-MX', 'en'] as const) {
      const l = receiptLabels(language);
      const words = Object.values(l).map((value) =>
        typeof value === 'function' ? (value as (...a: unknown[]) => string)('1', '2') : value,
      );
      for (const word of words) expect(iconv.decode(iconv.encode(word, 'cp858'), 'cp858')).toBe(word);
    }
  });
});
