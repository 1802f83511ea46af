/**
 * The catalog file's columns: the headers Caja writes, and the ones other Mexican POS exports use
 * (eleventa, SICAR, abarrotes templates), matched without accents or case. [Note: catalog columns]
 */
import type { ProductUnit } from './product-record';
import type { ImportField } from './products-admin';

/** Caja's own header for each field, in the order the export and the template write them. */
export const CAJA_HEADERS: readonly { field: ImportField; header: string }[] = [
  { field: 'sku', header: 'Código' },
  { field: 'barcode', header: 'Código de barras' },
  { field: 'name', header: 'Descripción' },
  { field: 'price', header: 'Precio venta' },
  { field: 'cost', header: 'Precio costo' },
  { field: 'iva', header: 'IVA' },
  { field: 'department', header: 'Departamento' },
  { field: 'unit', header: 'Unidad' },
  { field: 'soldByWeight', header: 'Venta a granel' },
  { field: 'stock', header: 'Inventario' },
  { field: 'minStock', header: 'Inventario mínimo' },
];

/** Every accepted header, folded (see foldHeader), by field. */
const ALIASES: Record<ImportField, readonly string[]> = {
  sku: ['codigo', 'clave', 'sku', 'clave interna', 'codigo interno', 'code', 'id producto'],
  barcode: ['codigo de barras', 'codigo barras', 'ean', 'upc', 'barcode', 'codigos de barras', 'cod barras'],
  name: ['descripcion', 'nombre', 'producto', 'articulo', 'name', 'description', 'nombre del producto'],
  price: ['precio venta', 'precio', 'precio de venta', 'precio publico', 'price', 'pventa', 'p venta'],
  cost: ['precio costo', 'costo', 'precio de costo', 'cost', 'costo unitario', 'p costo'],
  department: ['departamento', 'categoria', 'department', 'category', 'linea', 'familia'],
  stock: ['inventario', 'existencia', 'existencias', 'stock', 'inventario actual', 'cantidad'],
  minStock: ['inventario minimo', 'minimo', 'stock minimo', 'existencia minima', 'inv minimo', 'min stock'],
  iva: ['iva', 'impuesto', 'tasa iva', 'tasa de iva', 'tax'],
  unit: ['unidad', 'unidad de medida', 'unit', 'um'],
  soldByWeight: ['venta a granel', 'granel', 'se vende por peso', 'sold by weight', 'a granel'],
};

/** A header folded for matching: no accents, lower case, punctuation as spaces. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_ALIAS = new Map<string, ImportField>(
  Object.entries(ALIASES).flatMap(([field, aliases]) => aliases.map((a) => [a, field as ImportField])),
);

/** The field a header maps to, or null. */
export function fieldOfHeader(header: string): ImportField | null {
  return BY_ALIAS.get(foldHeader(header)) ?? null;
}

/** The fields a new product needs; an update needs only a key (SKU or barcode). */
export const KEY_FIELDS: readonly ImportField[] = ['sku', 'barcode'];

const UNIT_WORDS: Record<string, ProductUnit> = Object.fromEntries(
  (
    [
      ['pieza', ['pieza', 'piezas', 'pza', 'pzas', 'pz', 'unidad', 'unidades', 'u', 'und', 'pc', 'pcs']],
      ['kg', ['kg', 'kgs', 'kilo', 'kilos', 'kilogramo', 'kilogramos']],
      ['g', ['g', 'gr', 'grs', 'gramo', 'gramos']],
      ['l', ['l', 'lt', 'lts', 'litro', 'litros']],
      ['m', ['m', 'mt', 'mts', 'metro', 'metros']],
    ] as const
  ).flatMap(([unit, words]) => words.map((w) => [w, unit])),
);

/** A unit as written in a file (`Pza`, `Kilo`, `lts`), or null. */
export function parseUnit(text: string): ProductUnit | null {
  return UNIT_WORDS[foldHeader(text)] ?? null;
}

/** A yes/no cell (`sí`, `no`, `1`, `0`, `x`, `true`), or null. */
export function parseYesNo(text: string): boolean | null {
  const folded = foldHeader(text);
  if (['si', 's', 'yes', 'y', '1', 'true', 'x', 'verdadero'].includes(folded)) return true;
  if (['no', 'n', '0', 'false', 'falso'].includes(folded)) return false;
  return null;
}
