import { useEffect } from 'react';

/** Calls `onIdle` once after `ms` without a key press, pointer or touch; any activity restarts the wait. */
export function useIdleLock(enabled: boolean, ms: number, onIdle: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(onIdle, ms);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    const events = ['keydown', 'pointerdown', 'touchstart', 'wheel'] as const;
    events.forEach((name) => window.addEventListener(name, reset, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, reset));
    };
  }, [enabled, ms, onIdle]);
}
