import { useEffect } from 'react';

// A keyboard-wedge scanner types a whole code at a few milliseconds per key and ends with Enter;
// a person types 100+ ms per key. A burst counts as a scan when its keys average under this gap.
const MAX_AVERAGE_GAP_MS = 35;
// Any single pause longer than this starts a new burst.
const MAX_SINGLE_GAP_MS = 120;
const MIN_CODE_LENGTH = 6;

/**
 * Catches scans typed while focus is NOT in a text field (on a product button, say) and hands the
 * code to `onScan`. Scans into the search field are handled by the field's own Enter.
 */
export function useBarcodeWedge(onScan: (code: string) => void): void {
  useEffect(() => {
    let buffer = '';
    let first = 0;
    let last = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const now = event.timeStamp;
      if (now - last > MAX_SINGLE_GAP_MS) buffer = '';
      last = now;
      if (event.key === 'Enter') {
        const averageGap = buffer.length > 1 ? (now - first) / buffer.length : Infinity;
        if (buffer.length >= MIN_CODE_LENGTH && averageGap <= MAX_AVERAGE_GAP_MS) {
          event.preventDefault();
          onScan(buffer);
        }
        buffer = '';
      } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (buffer === '') first = now;
        buffer += event.key;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onScan]);
}
