/** The counter's weighed and open-price items (issue 14): Spanish (Mexico) first; English has the same keys. */
export const weighEsMX = {
  title: 'Peso de {{name}}',
  pricePerKg: 'Precio: {{price}} por kg',
  label: 'Peso (kg, hasta 3 decimales)',
  keypad: 'Teclado numérico',
  amount: 'Importe: {{amount}}',
  invalid: 'Escribe el peso en kg, por ejemplo 0.755',
  add: 'Agregar',
  cancel: 'Cancelar',
  prompt: 'Pesa {{name}} y escribe el peso',
};

export const openPriceEsMX = {
  open: 'Artículo común (F9)',
  title: 'Artículo común',
  name: 'Descripción (opcional)',
  defaultName: 'Artículo común',
  price: 'Precio con IVA (pesos)',
  iva: 'IVA',
  ivaChoice: { '16': '16 %', '8': '8 %', '0': '0 %', exempt: 'Exento' },
  needsManager: 'Este precio pasa el límite de la tienda: un gerente debe autorizarlo.',
  managerPin: 'PIN del gerente',
  invalid: 'Escribe un precio, por ejemplo 45.50',
  add: 'Agregar a la venta',
  cancel: 'Cancelar',
};

export const weighEn: typeof weighEsMX = {
  title: 'Weight of {{name}}',
  pricePerKg: 'Price: {{price}} per kg',
  label: 'Weight (kg, up to 3 decimals)',
  keypad: 'Number pad',
  amount: 'Amount: {{amount}}',
  invalid: 'Type the weight in kg, e.g. 0.755',
  add: 'Add',
  cancel: 'Cancel',
  prompt: 'Weigh {{name}} and type the weight',
};

export const openPriceEn: typeof openPriceEsMX = {
  open: 'Miscellaneous item (F9)',
  title: 'Miscellaneous item',
  name: 'Description (optional)',
  defaultName: 'Miscellaneous',
  price: 'Price incl. IVA (pesos)',
  iva: 'IVA',
  ivaChoice: { '16': '16 %', '8': '8 %', '0': '0 %', exempt: 'Exempt' },
  needsManager: "This price is above the store's limit: a manager must approve it.",
  managerPin: 'Manager PIN',
  invalid: 'Type a price, e.g. 45.50',
  add: 'Add to the sale',
  cancel: 'Cancel',
};

export const officeCounterEsMX = {
  title: 'Mostrador: artículo común y básculas',
  openPriceLimit: 'Artículo común: arriba de este precio autoriza un gerente (pesos)',
  badLimit: 'Escribe el límite en pesos, por ejemplo 500.00',
  labels: 'Etiquetas de báscula por prefijo',
  labelsHint:
    'Como está configurada la báscula (Torrey y otras): cada prefijo 20–29 lleva PLU + precio o PLU + peso en 10 dígitos; el valor ocupa los que deja el PLU y el dígito verificador de precio.',
  prefix: 'Prefijo',
  kind: 'Contenido',
  kindOf: 'Contenido del prefijo {{prefix}}',
  kinds: { off: 'Código normal', price: 'PLU + precio', weight: 'PLU + peso (kg)' },
  pluDigits: 'Dígitos del PLU',
  pluDigitsOf: 'Dígitos del PLU, prefijo {{prefix}}',
  decimals: 'Decimales',
  decimalsOf: 'Decimales del valor, prefijo {{prefix}}',
  check: 'Dígito verificador de precio',
  checkOf: 'Dígito verificador de precio, prefijo {{prefix}}',
  save: 'Guardar mostrador',
};

export const officeCounterEn: typeof officeCounterEsMX = {
  title: 'Counter: miscellaneous items and scales',
  openPriceLimit: 'Miscellaneous item: a manager approves above this price (pesos)',
  badLimit: 'Type the limit in pesos, e.g. 500.00',
  labels: 'Scale labels by prefix',
  labelsHint:
    'As the scale is set up (Torrey and others): each prefix 20–29 carries PLU + price or PLU + weight in 10 digits; the value takes what the PLU and the price check digit leave.',
  prefix: 'Prefix',
  kind: 'Content',
  kindOf: 'Content of prefix {{prefix}}',
  kinds: { off: 'Plain code', price: 'PLU + price', weight: 'PLU + weight (kg)' },
  pluDigits: 'PLU digits',
  pluDigitsOf: 'PLU digits, prefix {{prefix}}',
  decimals: 'Decimals',
  decimalsOf: 'Value decimals, prefix {{prefix}}',
  check: 'Price check digit',
  checkOf: 'Price check digit, prefix {{prefix}}',
  save: 'Save counter',
};
