import type { Receipt, ReceiptPayment } from '../../../app/domain/receipt';

/** A card payment as a receipt shows it; fields overridable. */
export function cardPayment(overrides: Partial<ReceiptPayment> = {}): ReceiptPayment {
  return {
    paymentId: 41,
    method: 'card',
    amount: 38_000,
    tip: 0,
    msi: 0,
    tendered: null,
    change: null,
    cardBrand: 'VISA',
    cardLast4: '4242',
    authorizationCode: 'A1B2C3',
    reference: '0123456789abcdef0123456789abcdef',
    transactionId: 'TX-998877',
    ...overrides,
  };
}

/** A cash payment with change. */
export function cashPayment(amount: number, tendered: number): ReceiptPayment {
  return {
    paymentId: 42,
    method: 'cash',
    amount,
    tip: 0,
    msi: 0,
    tendered,
    change: tendered - amount,
    cardBrand: null,
    cardLast4: null,
    authorizationCode: null,
    reference: null,
    transactionId: null,
  };
}

/** A receipt with a long product name, accents and two lines. */
export function sampleReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    saleId: 123,
    storeName: 'Abarrotes La Esperanza — Sucursal Peñón de los Baños',
    storeRfc: 'XAXX010101000',
    storeAddress: 'Av. Insurgentes Sur 1234, Col. Del Valle, Benito Juárez, CDMX',
    footer: '',
    completedAt: Date.UTC(2026, 11, 3, 18, 30),
    timeZone: 'America/Mexico_City',
    lines: [
      {
        name: 'Jamón de pavo ahumado extrafino rebanado en charola familiar',
        sku: 'SALCH-001',
        quantity: 2,
        unitPrice: 15_000,
        discount: 1_500,
        gross: 28_500,
        quantityMilli: null,
        unit: 'pieza',
        openPrice: false,
      },
      {
        name: 'Piña',
        sku: 'FRU-001',
        quantity: 1,
        unitPrice: 9_500,
        discount: 0,
        gross: 9_500,
        quantityMilli: null,
        unit: 'pieza',
        openPrice: false,
      },
    ],
    totals: {
      subtotal: 32_759,
      iva: 5_241,
      total: 38_000,
      ivaBreakdown: [{ rateBp: 1600, base: 32_759, iva: 5_241 }],
      itemCount: 3,
    },
    payments: [cardPayment()],
    cashier: 'Ana López',
    paperWidth: 80,
    ...overrides,
  };
}
