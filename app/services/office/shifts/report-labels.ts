/**
 * Words of the exported Z report (CSV and PDF). The exports are built on the trusted side, which
 * cannot import the renderer's i18n files (import boundaries), so their few labels live here, in
 * the store's chosen UI language.
 */
import type { Language } from '../../../domain/language';
import type { PaymentMethod } from '../../../domain/payment';

const esMX = {
  title: 'Reporte Z',
  store: 'Tienda',
  day: 'Día',
  currency: 'Moneda',
  generated: 'Generado',
  section: 'Sección',
  key: 'Concepto',
  count: 'Operaciones',
  sales: 'Ventas',
  tips: 'Propinas',
  iva: 'IVA',
  refundCount: 'Devoluciones (núm.)',
  refunds: 'Devoluciones',
  net: 'Neto',
  totals: 'Totales',
  byTender: 'Forma de pago',
  byBrand: 'Marca de tarjeta',
  byCashier: 'Cajero',
  byHour: 'Hora',
  tender: { cash: 'Efectivo', card: 'Tarjeta' } as Record<PaymentMethod, string>,
  noBrand: 'Sin marca',
  nobody: 'Sin usuario',
  shifts: 'Turnos',
  shift: 'Turno',
  openedBy: 'Abrió',
  openedAt: 'Apertura',
  closedAt: 'Cierre',
  stillOpen: 'Abierto',
  openingFloat: 'Fondo inicial',
  cashSales: 'Ventas en efectivo',
  cashIn: 'Entradas',
  cashOut: 'Salidas',
  cashRefunds: 'Devoluciones en efectivo',
  expected: 'Esperado',
  counted: 'Contado',
  difference: 'Diferencia',
  outsideShifts: 'Efectivo cobrado sin turno abierto',
  noShifts: 'Ningún turno este día.',
  noSales: 'Sin ventas este día.',
  page: 'Página',
};

/** The export's labels. */
export type ReportLabels = typeof esMX;

const en: ReportLabels = {
  title: 'Z report',
  store: 'Store',
  day: 'Day',
  currency: 'Currency',
  generated: 'Generated',
  section: 'Section',
  key: 'Item',
  count: 'Transactions',
  sales: 'Sales',
  tips: 'Tips',
  iva: 'IVA',
  refundCount: 'Refunds (count)',
  refunds: 'Refunds',
  net: 'Net',
  totals: 'Totals',
  byTender: 'Tender',
  byBrand: 'Card brand',
  byCashier: 'Cashier',
  byHour: 'Hour',
  tender: { cash: 'Cash', card: 'Card' },
  noBrand: 'No brand',
  nobody: 'No user',
  shifts: 'Shifts',
  shift: 'Shift',
  openedBy: 'Opened by',
  openedAt: 'Opened',
  closedAt: 'Closed',
  stillOpen: 'Open',
  openingFloat: 'Opening float',
  cashSales: 'Cash sales',
  cashIn: 'Cash in',
  cashOut: 'Cash out',
  cashRefunds: 'Cash refunds',
  expected: 'Expected',
  counted: 'Counted',
  difference: 'Difference',
  outsideShifts: 'Cash taken with no shift open',
  noShifts: 'No shifts this day.',
  noSales: 'No sales this day.',
  page: 'Page',
};

/** The labels for a UI language. */
export function reportLabels(language: Language): ReportLabels {
  return language === 'en' ? en : esMX;
}
