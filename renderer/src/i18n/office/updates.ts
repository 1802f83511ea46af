/** Oficina → Configuración → Actualizaciones (issue 16, item 7): Spanish (Mexico) first. */
export const updatesEsMX = {
  title: 'Actualizaciones',
  enabled: 'Buscar e instalar actualizaciones de Caja',
  feedUrl: 'Servidor de actualizaciones (URL)',
  feedUrlHint: 'La dirección https:// donde su proveedor publica Caja (latest.yml y los instaladores).',
  how: 'Caja descarga la actualización en segundo plano y comprueba su huella (SHA-512) antes de usarla. Se instala al siguiente inicio, después de un respaldo, y nunca mientras haya un cobro con tarjeta en curso o sin confirmar.',
  desktopOnly:
    'Solo la aplicación de escritorio se actualiza sola; en el navegador esta opción solo se guarda.',
  save: 'Guardar actualizaciones',
  urlRequired: 'Para activar las actualizaciones escriba la URL del servidor.',
};

/** English. */
export const updatesEn: typeof updatesEsMX = {
  title: 'Updates',
  enabled: 'Look for and install Caja updates',
  feedUrl: 'Update server (URL)',
  feedUrlHint: 'The https:// address where your provider publishes Caja (latest.yml and the installers).',
  how: 'Caja downloads an update in the background and checks its fingerprint (SHA-512) before using it. It installs at the next start, after a backup, and never while a card payment is in flight or unconfirmed.',
  desktopOnly: 'Only the desktop app updates itself; in the browser this option is only saved.',
  save: 'Save updates',
  urlRequired: 'To turn updates on, enter the server URL.',
};
