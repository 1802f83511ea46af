/** The office's transactions screens: Spanish (Mexico) first; English must have the same keys. */
export const transactionsEsMX = {
  tab: 'Transacciones',
};

/** English. */
export const transactionsEn: typeof transactionsEsMX = {
  tab: 'Transactions',
};
