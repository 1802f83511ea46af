import type { ExportedBinary, ExportedText } from '../../../../../app/domain/office/reports';

/** base64 to bytes without going through a data: URL (the CSP allows data: only for images). */
function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves an export the trusted side built: a Blob behind a temporary `<a download>`. The browser (web
 * shell) saves it to its downloads folder; in Electron the session's download handling applies (see
 * electron/main/downloads.ts). Nothing is fetched, so the CSP's connect-src is untouched.
 */
export function downloadFile(file: ExportedText | ExportedBinary): void {
  const data = 'base64' in file ? base64Bytes(file.base64) : file.content;
  const url = URL.createObjectURL(new Blob([data], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has handed the Blob to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
