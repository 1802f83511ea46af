import { lineDiscount, priceLine, priceSale } from './cart-pricing';
import type { Cart, Sale } from './sale';

/** The cart view of an open sale: every line priced, totals from the same lines. */
export function cartFromSale(sale: Sale): Cart {
  const lines = sale.lines.map((line) => {
    const { gross, iva } = priceLine(line);
    return { ...line, discount: lineDiscount(line), gross, iva };
  });
  return { saleId: sale.id, lines, totals: priceSale(sale.lines), updatedAt: sale.updatedAt };
}
