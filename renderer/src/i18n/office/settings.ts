/** The office's settings screens: Spanish (Mexico) first; English must have the same keys. */
export const settingsEsMX = {
  tab: 'Configuración',
};

/** English. */
export const settingsEn: typeof settingsEsMX = {
  tab: 'Settings',
};
