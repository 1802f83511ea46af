/** Spanish (Mexico): the default language. Every user-facing string of the UI lives here or in en.ts. */
export const esMX = {
  app: {
    title: 'Caja',
    language: 'Idioma',
    languages: { 'es-MX': 'Español', en: 'English' },
    loading: 'Cargando…',
  },
  sell: {
    searchLabel: 'Buscar producto o escanear código',
    searchPlaceholder: 'Nombre, SKU o código de barras (F2)',
    categories: 'Categorías',
    allCategories: 'Todas',
    products: 'Productos',
    noResults: 'Sin resultados para «{{query}}»',
    addProduct: 'Agregar {{name}}, {{price}}',
    shortcuts: 'F2 buscar · Enter agregar · Esc limpiar búsqueda',
  },
  cart: {
    title: 'Venta actual',
    empty: 'Escanea o busca un producto para empezar.',
    quantity: 'Cantidad',
    decrease: 'Quitar uno de {{name}}',
    increase: 'Agregar uno de {{name}}',
    remove: 'Eliminar {{name}}',
    clear: 'Vaciar venta',
    confirmClear: '¿Vaciar la venta actual?',
    each: 'c/u',
    items_one: '{{count}} artículo',
    items_other: '{{count}} artículos',
  },
  totals: {
    subtotal: 'Subtotal',
    iva: 'IVA {{rate}}',
    total: 'Total',
  },
  notices: {
    added: 'Agregado: {{name}}',
    notFound: 'No se encontró «{{code}}»',
    dismiss: 'Cerrar aviso',
  },
  errors: {
    validation_failed: 'Datos no válidos.',
    unknown_channel: 'Acción no disponible.',
    not_found: 'No se encontró.',
    conflict: 'La acción choca con otra en curso. Intenta de nuevo.',
    forbidden: 'No tienes permiso para esta acción.',
    unavailable: 'Sin conexión con Caja. Reintentando…',
    internal: 'Error inesperado (ref. {{id}}).',
  },
};

/** The shape every translation must have. */
export type Messages = typeof esMX;
