/**
 * The demo store: products a Mexican corner store (tiendita) sells, with MXN shelf prices that
 * include IVA. Food is tasa 0 % (LIVA art. 2-A); drinks other than milk, chewing gum, cleaning,
 * hygiene and pet food carry 16 %. Illustrative data: a real store confirms rates with its accountant.
 * Barcodes use GS1 Mexico's 750 prefix; the check digit is computed by the seed.
 */

/** A demo product before its check digit is computed. Price in centavos. */
export interface DemoProduct {
  sku: string;
  barcode12: string;
  name: string;
  price: number;
  ivaRateBp: 0 | 1600;
  category: string;
  /** Sold by weight, priced per kg: its barcode is the scale's 5-digit PLU instead of an EAN-13. */
  plu?: string;
}

const rows: [string, string, number, 0 | 1600, string][] = [
  // [sku, name, price centavos, IVA bp, category]
  ['BEB-001', 'Refresco de cola 600 ml', 2000, 1600, 'Bebidas'],
  ['BEB-002', 'Refresco de cola 2 L', 4200, 1600, 'Bebidas'],
  ['BEB-003', 'Refresco de toronja 600 ml', 1800, 1600, 'Bebidas'],
  ['BEB-004', 'Agua natural 600 ml', 1100, 1600, 'Bebidas'],
  ['BEB-005', 'Agua natural 1.5 L', 1700, 1600, 'Bebidas'],
  ['BEB-006', 'Jugo de naranja 1 L', 3200, 1600, 'Bebidas'],
  ['BEB-007', 'Bebida energética 473 ml', 3900, 1600, 'Bebidas'],
  ['BEB-008', 'Agua de jamaica 500 ml', 1600, 1600, 'Bebidas'],
  ['BEB-009', 'Garrafón de agua 20 L', 4500, 0, 'Bebidas'],
  ['BEB-010', 'Hielo en bolsa 5 kg', 3500, 1600, 'Bebidas'],
  ['LAC-001', 'Leche entera 1 L', 2900, 0, 'Lácteos'],
  ['LAC-002', 'Leche deslactosada 1 L', 3100, 0, 'Lácteos'],
  ['LAC-003', 'Yogur natural 1 kg', 4500, 0, 'Lácteos'],
  ['LAC-004', 'Queso fresco 400 g', 6800, 0, 'Lácteos'],
  ['LAC-005', 'Crema ácida 200 ml', 2400, 0, 'Lácteos'],
  ['LAC-006', 'Mantequilla 90 g', 2200, 0, 'Lácteos'],
  ['LAC-007', 'Huevo blanco 12 piezas', 4800, 0, 'Lácteos'],
  ['PAN-001', 'Tortillas de maíz 1 kg', 2400, 0, 'Panadería'],
  ['PAN-002', 'Bolillo (pieza)', 300, 0, 'Panadería'],
  ['PAN-003', 'Pan de caja blanco grande', 5200, 0, 'Panadería'],
  ['PAN-004', 'Concha de chocolate (pieza)', 1200, 0, 'Panadería'],
  ['PAN-005', 'Tortillas de harina 10 piezas', 3000, 0, 'Panadería'],
  ['ABA-001', 'Arroz blanco 1 kg', 3200, 0, 'Abarrotes'],
  ['ABA-002', 'Frijol negro 1 kg', 4200, 0, 'Abarrotes'],
  ['ABA-003', 'Azúcar estándar 1 kg', 3400, 0, 'Abarrotes'],
  ['ABA-004', 'Aceite vegetal 1 L', 4500, 0, 'Abarrotes'],
  ['ABA-005', 'Harina de maíz 1 kg', 2200, 0, 'Abarrotes'],
  ['ABA-006', 'Atún en agua 140 g', 2100, 0, 'Abarrotes'],
  ['ABA-007', 'Sopa de pasta fideo 200 g', 1000, 0, 'Abarrotes'],
  ['ABA-008', 'Café soluble 120 g', 8900, 0, 'Abarrotes'],
  ['ABA-009', 'Sal de mesa 1 kg', 1400, 0, 'Abarrotes'],
  ['ABA-010', 'Chiles jalapeños en lata 220 g', 1900, 0, 'Abarrotes'],
  ['ABA-011', 'Mayonesa 390 g', 5200, 0, 'Abarrotes'],
  ['ABA-012', 'Puré de tomate 210 g', 1000, 0, 'Abarrotes'],
  ['ABA-013', 'Consomé de pollo 8 cubos', 1500, 0, 'Abarrotes'],
  ['ABA-014', 'Avena en hojuelas 400 g', 2600, 0, 'Abarrotes'],
  ['BOT-001', 'Papas fritas con sal 45 g', 2000, 0, 'Botanas y dulces'],
  ['BOT-002', 'Cacahuates japoneses 100 g', 1800, 0, 'Botanas y dulces'],
  ['BOT-003', 'Totopos de maíz 300 g', 3500, 0, 'Botanas y dulces'],
  ['BOT-004', 'Galletas marías 170 g', 1600, 0, 'Botanas y dulces'],
  ['BOT-005', 'Chocolate con leche 40 g', 1700, 0, 'Botanas y dulces'],
  ['BOT-006', 'Paleta de caramelo enchilada', 400, 0, 'Botanas y dulces'],
  ['BOT-007', 'Mazapán de cacahuate', 600, 0, 'Botanas y dulces'],
  ['BOT-008', 'Chicles de menta 10 piezas', 1200, 1600, 'Botanas y dulces'],
  ['FYV-001', 'Plátano (pieza)', 500, 0, 'Frutas y verduras'],
  ['FYV-002', 'Aguacate (pieza)', 1500, 0, 'Frutas y verduras'],
  ['FYV-003', 'Limón bolsa 1 kg', 4000, 0, 'Frutas y verduras'],
  ['FYV-004', 'Jitomate bolsa 1 kg', 3600, 0, 'Frutas y verduras'],
  ['FYV-005', 'Cebolla blanca (pieza)', 800, 0, 'Frutas y verduras'],
  ['LIM-001', 'Detergente en polvo 1 kg', 4800, 1600, 'Limpieza'],
  ['LIM-002', 'Jabón de barra para ropa 350 g', 2200, 1600, 'Limpieza'],
  ['LIM-003', 'Cloro 1 L', 2000, 1600, 'Limpieza'],
  ['LIM-004', 'Limpiador multiusos 1 L', 3200, 1600, 'Limpieza'],
  ['LIM-005', 'Papel higiénico 4 rollos', 3800, 1600, 'Limpieza'],
  ['LIM-006', 'Servilletas 220 piezas', 2500, 1600, 'Limpieza'],
  ['LIM-007', 'Esponja para trastes', 1200, 1600, 'Limpieza'],
  ['HIG-001', 'Jabón de tocador 150 g', 1800, 1600, 'Higiene personal'],
  ['HIG-002', 'Shampoo 400 ml', 5800, 1600, 'Higiene personal'],
  ['HIG-003', 'Pasta dental 100 ml', 3500, 1600, 'Higiene personal'],
  ['HIG-004', 'Desodorante en barra 50 g', 5500, 1600, 'Higiene personal'],
  ['HIG-005', 'Pañales etapa 3, 14 piezas', 11900, 1600, 'Higiene personal'],
  ['VAR-001', 'Pilas AA, 2 piezas', 4900, 1600, 'Varios'],
  ['VAR-002', 'Encendedor', 1500, 1600, 'Varios'],
  ['VAR-003', 'Croquetas para perro 2 kg', 9500, 1600, 'Varios'],
];

// Sold by weight (issue 14): [sku, name, price per kg in centavos, IVA bp, category, scale PLU].
// Their scale labels are 20/23 + PLU + price/weight (see app/domain/scale-label.ts).
const weighedRows: [string, string, number, 0 | 1600, string, string][] = [
  ['GRA-001', 'Manzana roja a granel (kg)', 4490, 0, 'Frutas y verduras', '00101'],
  ['GRA-002', 'Jitomate a granel (kg)', 3290, 0, 'Frutas y verduras', '00102'],
  ['GRA-003', 'Queso Oaxaca a granel (kg)', 16990, 0, 'Lácteos', '00103'],
];

/** The demo catalog. Barcodes are 750 + a 4-digit demo company + a 5-digit item number. */
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  ...rows.map(([sku, name, price, ivaRateBp, category], index) => ({
    sku,
    barcode12: `7501234${String(10001 + index * 7).padStart(5, '0')}`,
    name,
    price,
    ivaRateBp,
    category,
  })),
  ...weighedRows.map(([sku, name, price, ivaRateBp, category, plu]) => ({
    sku,
    barcode12: '',
    name,
    price,
    ivaRateBp,
    category,
    plu,
  })),
];

/** Demo users and their PINs: defined in the domain, which the sign-in screen shows them from. */
export { DEMO_USERS } from '../../domain/demo-users';
