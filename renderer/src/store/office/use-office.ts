import { useCallback, useEffect, useState } from 'react';
import type { ArgsOf, Reply, ValueOf } from '../../../../app/api/contract';
import type { AppError } from '../../../../app/domain/result';
import { useAppStore } from '../store-context';
import { officeSlot, type OfficeChannel } from './office.slice';

/**
 * Shows one office read: asked on mount, again whenever its arguments change, the office is
 * invalidated, or `reload` is called. `value` is null until this screen has an answer for these
 * arguments (or while `args` is null: nothing to ask yet); afterwards a refresh keeps the last
 * answer on screen until the next one lands.
 */
export function useOfficeRead<C extends OfficeChannel>(
  channel: C,
  args: ArgsOf<C> | null,
): { value: ValueOf<C> | null; failed: boolean; reload: () => void } {
  const readOffice = useAppStore((s) => s.readOffice);
  const revision = useAppStore((s) => s.officeRevision);
  // Arguments compared by value, so a caller may pass a fresh object literal each render.
  const key = args === null ? null : JSON.stringify(args);
  const slot = key === null ? null : officeSlot(channel, args);
  const read = useAppStore((s) => (slot === null ? undefined : s.officeReads[slot]));
  // The slot this screen last had an answer for, and the last one whose newest ask failed.
  const [answered, setAnswered] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    if (key === null || slot === null) return;
    let live = true;
    void readOffice(channel, JSON.parse(key) as ArgsOf<C>, slot).then((answer) => {
      if (!live || answer.kind === 'superseded') return;
      if (answer.kind === 'value') setAnswered(slot);
      setFailed(answer.kind === 'failed' ? slot : null);
    });
    return () => {
      live = false;
    };
  }, [readOffice, channel, key, slot, revision, reloads]);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const shown = read !== undefined && answered === slot && read.args === key;
  return {
    value: shown ? (read.value as ValueOf<C>) : null,
    failed: failed !== null && failed === slot,
    reload,
  };
}

/**
 * Runs office changes: shows a failure the app's way and resolves to null, else to the value.
 * `busy` is true while one is in flight, to disable the buttons that started it. `explain`, when
 * given, may show a failure its own way first (it returns true when it did).
 */
export function useOfficeCommand(explain?: (error: AppError) => boolean): {
  busy: boolean;
  run: <C extends OfficeChannel>(channel: C, args: ArgsOf<C>) => Promise<ValueOf<C> | null>;
} {
  const sendOffice = useAppStore((s) => s.sendOffice);
  const showError = useAppStore((s) => s.showError);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <C extends OfficeChannel>(channel: C, args: ArgsOf<C>): Promise<ValueOf<C> | null> => {
      setBusy(true);
      try {
        const reply = await sendOffice(channel, args);
        if (reply.ok) return reply.value;
        if (!explain?.(reply.error)) showError(reply.error);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [sendOffice, showError, explain],
  );
  return { busy, run };
}

/** The whole reply of a change, or of a one-off read, for forms that word their own errors. */
export type OfficeAttempt = <C extends OfficeChannel>(channel: C, args: ArgsOf<C>) => Promise<Reply<C>>;

/** Runs office changes and hands back each whole reply (the office's reads are invalidated on success). */
export function useOfficeAttempt(): OfficeAttempt {
  return useAppStore((s) => s.sendOffice);
}

/** Asks office reads once and hands back each whole reply (nothing cached, nothing invalidated). */
export function useOfficeAsk(): OfficeAttempt {
  return useAppStore((s) => s.askOffice);
}
