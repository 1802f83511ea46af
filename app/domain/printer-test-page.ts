import type { ReceiptDocument } from './receipt-layout';

/** Every character a Spanish ticket needs; the test page prints it so the store sees the code page work. */
export const SPANISH_SAMPLE = 'áéíóú ÁÉÍÓÚ ñÑ ü ¿? ¡! $ · ×';

/**
 * The settings screen's test page: which store and paper, a ruler of exactly `columns` characters
 * (the last digit must end at the right edge: a wrong paper width shows at once) and the accents.
 */
export function testPageDocument(input: {
  columns: number;
  storeName: string;
  when: string;
}): ReceiptDocument {
  const ruler = Array.from({ length: input.columns }, (_, i) => String((i + 1) % 10)).join('');
  const center = (line: string) => ({
    kind: 'text' as const,
    lines: [line],
    style: 'normal' as const,
    align: 'center' as const,
  });
  return {
    columns: input.columns,
    rows: [
      { kind: 'text', lines: ['PÁGINA DE PRUEBA'], style: 'total', align: 'center' },
      center(input.storeName.slice(0, input.columns)),
      center(input.when),
      { kind: 'rule' },
      { kind: 'text', lines: [ruler], style: 'normal', align: 'left' },
      center(`${input.columns} columnas`),
      { kind: 'text', lines: [SPANISH_SAMPLE.slice(0, input.columns)], style: 'normal', align: 'left' },
      { kind: 'rule' },
      center('Caja: la impresora funciona.'),
    ],
  };
}
