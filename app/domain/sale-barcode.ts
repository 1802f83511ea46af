/**
 * The sale number as the receipt's barcode carries it (CODE128), so a return can start by scanning
 * the ticket. `V` plus eight digits: a product code is never read as a sale number, nor the reverse.
 */
const SALE_CODE = /^V(\d{8})$/;

/** The barcode value of sale `saleId` ("V00000123"). */
export function saleBarcodeValue(saleId: number): string {
  return `V${String(saleId).padStart(8, '0')}`;
}

/** The sale number a scanned receipt barcode names, or null when it is not one. */
export function parseSaleBarcode(code: string): number | null {
  const match = SALE_CODE.exec(code.trim().toUpperCase());
  const id = match ? Number(match[1]) : 0;
  return id > 0 ? id : null;
}
