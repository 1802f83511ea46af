import type { Messages } from './es-mx';

/** English. */
export const en: Messages = {
  app: {
    title: 'Caja',
    language: 'Language',
    languages: { 'es-MX': 'Español', en: 'English' },
    loading: 'Loading…',
  },
  sell: {
    searchLabel: 'Search product or scan code',
    searchPlaceholder: 'Name, SKU or barcode (F2)',
    categories: 'Categories',
    allCategories: 'All',
    products: 'Products',
    noResults: 'No results for “{{query}}”',
    addProduct: 'Add {{name}}, {{price}}',
    shortcuts: 'F2 search · Enter add · Esc clear search',
  },
  cart: {
    title: 'Current sale',
    empty: 'Scan or search a product to start.',
    quantity: 'Quantity',
    decrease: 'Remove one {{name}}',
    increase: 'Add one {{name}}',
    remove: 'Delete {{name}}',
    clear: 'Clear sale',
    confirmClear: 'Clear the current sale?',
    each: 'each',
    items_one: '{{count}} item',
    items_other: '{{count}} items',
  },
  totals: {
    subtotal: 'Subtotal',
    iva: 'VAT {{rate}}',
    total: 'Total',
  },
  notices: {
    added: 'Added: {{name}}',
    notFound: 'Nothing found for “{{code}}”',
    dismiss: 'Dismiss',
  },
  errors: {
    validation_failed: 'Invalid data.',
    unknown_channel: 'Action not available.',
    not_found: 'Not found.',
    conflict: 'This clashes with another action in progress. Try again.',
    forbidden: 'You are not allowed to do this.',
    unavailable: 'No connection to Caja. Retrying…',
    internal: 'Unexpected error (ref. {{id}}).',
  },
};
