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
  open: 'Artículo común (F4)',
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
  open: 'Miscellaneous item (F4)',
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
