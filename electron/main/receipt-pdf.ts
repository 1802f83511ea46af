import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';

/**
 * Saves the receipt the focused window is showing as a PDF. The page's print CSS shows only the
 * ticket, so printToPDF gives the same ticket the printer would. The user picks the file; the
 * renderer never names a path.
 */
export async function saveShownReceiptAsPdf(saleId: number): Promise<boolean> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!window) return false;
  const choice = await dialog.showSaveDialog(window, {
    title: 'Guardar ticket',
    defaultPath: `ticket-venta-${saleId}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return false;
  const pdf = await window.webContents.printToPDF({ printBackground: false, preferCSSPageSize: true });
  await writeFile(choice.filePath, pdf);
  return true;
}
