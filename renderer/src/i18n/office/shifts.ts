/** The office's shifts screens: Spanish (Mexico) first; English must have the same keys. */
export const shiftsEsMX = {
  tab: 'Turnos y reportes',
};

/** English. */
export const shiftsEn: typeof shiftsEsMX = {
  tab: 'Shifts and reports',
};
