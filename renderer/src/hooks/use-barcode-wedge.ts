import { useEffect } from 'react';

// A keyboard-wedge scanner types a whole code in a few tens of milliseconds and ends with Enter;
// a person types far slower. Keys closer than this count as one scan.
const MAX_GAP_MS = 40;
const MIN_CODE_LENGTH = 6;

/**
 * Catches scans typed while focus is NOT in a text field (on a product button, say) and hands the
 * code to `onScan`. Scans into the search field are handled by the field's own Enter.
 */
export function useBarcodeWedge(onScan: (code: string) => void): void {
  useEffect(() => {
    let buffer = '';
    let last = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const now = event.timeStamp;
      if (now - last > MAX_GAP_MS) buffer = '';
      last = now;
      if (event.key === 'Enter') {
        if (buffer.length >= MIN_CODE_LENGTH) {
          event.preventDefault();
          onScan(buffer);
        }
        buffer = '';
      } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        buffer += event.key;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onScan]);
}
