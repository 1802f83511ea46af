/** The office's refunds screens: Spanish (Mexico) first; English must have the same keys. */
export const refundsEsMX = {
  tab: 'Pendientes',
};

/** English. */
export const refundsEn: typeof refundsEsMX = {
  tab: 'Open items',
};
