import type { ArgsOf, CajaApi, Channel, Reply, ValueOf } from '../../../../app/api/contract';
import type { ImportProgress } from '../../../../app/domain/products/products-admin';
import type { RegisterView } from '../../../../app/domain/registers';
import type { GetState, SetState } from '../store-types';

// [Note: office data layer]
// Issue 12 chose zustand slices over TanStack Query for the office: the counter already keeps
// the trusted side's truth in one zustand store refreshed by one bridge module, and the office's
// needs are small (a few reads per screen, no background refetch, no retries: a failed call is
// shown and the manager retries). One more library would have given a second cache with its own
// invalidation beside the store's. So: reads go through `readOffice` (one keyed loader that drops
// late answers), changes through `sendOffice` (success invalidates every read), forms that copy
// a read into their own fields through `askOffice`; screens use the hooks in use-office.ts, never
// the API (lint: [Note: renderer API callers]). `invalidateOffice` is called by the bridge on
// `payments.updated` and `sales.completed` (renderer/src/bridge/subscribe-events.ts) and by
// every successful change; each read on screen asks again and keeps its last answer meanwhile.
// The transactions list is the one read that ignores invalidation: it is a search the manager
// drives page by page, and rows must not move under the manager's eyes.

/** The back office's channels: every one the manager's office calls. */
export type OfficeChannel = Extract<Channel, `office.${string}`>;

/** The last answer kept for one read slot, with the arguments it answered. */
export interface OfficeRead {
  args: string;
  value: unknown;
}

/** How a read ended: its value, an error already shown, or overtaken by a newer ask of the same slot. */
export type OfficeAnswer<C extends OfficeChannel> =
  { kind: 'value'; value: ValueOf<C> } | { kind: 'failed' } | { kind: 'superseded' };

/**
 * The office's one data layer (issue 12): the manager's screens read and change data only through
 * these actions, as the counter does through its slices. Reads are cached per slot; a change or a
 * payment update invalidates them all (`officeRevision`), and every read on screen asks again.
 * See [Note: office data layer].
 */
export interface OfficeSlice {
  officeReads: Record<string, OfficeRead>;
  /** Bumped whenever what the office shows may be out of date. */
  officeRevision: number;
  /**
   * Asks a read channel and keeps its answer under `slot` (by default the channel and arguments).
   * Only the newest ask of a slot may write it: an older answer arriving late is dropped.
   */
  readOffice<C extends OfficeChannel>(channel: C, args: ArgsOf<C>, slot?: string): Promise<OfficeAnswer<C>>;
  /**
   * Asks a read once and hands back the whole reply, cached nowhere: for forms that copy a read
   * into their own fields (settings) and word their own errors.
   */
  askOffice<C extends OfficeChannel>(channel: C, args: ArgsOf<C>): Promise<Reply<C>>;
  /** Runs a change; when it succeeds every read is stale. The reply is returned so a form can word its errors. */
  sendOffice<C extends OfficeChannel>(channel: C, args: ArgsOf<C>): Promise<Reply<C>>;
  /** Marks every read stale (a payment changed, or a change went through). */
  invalidateOffice(): void;
  /** The latest progress of a catalog import under way (the event), null when none runs. */
  importProgress: ImportProgress | null;
  /** Keeps the event's progress; `done` clears it (the call's answer follows). */
  applyImportProgress(progress: ImportProgress): void;
  /** The register that paired last (issue 17's event): the Cajas tab retires the code it used. */
  lastPairedRegister: RegisterView | null;
  /** Keeps the event's register and marks the office's reads stale (the list has one more). */
  applyRegisterPaired(register: RegisterView): void;
}

// Enough for every screen of the office and a few payment details; the oldest slots go first.
const SLOTS_KEPT = 64;

/** The default slot of a read: its channel and its arguments, compared by value. */
export function officeSlot(channel: OfficeChannel, args: unknown): string {
  return `${channel} ${JSON.stringify(args)}`;
}

/** Builds the office slice over the bridge. */
export function createOfficeSlice(api: CajaApi, set: SetState, get: GetState): OfficeSlice {
  // The newest ask of each slot; not state, since no screen renders it.
  const newestAsk = new Map<string, number>();
  let asks = 0;
  return {
    officeReads: {},
    officeRevision: 0,
    async readOffice(channel, args, slot = officeSlot(channel, args)) {
      const ask = ++asks;
      newestAsk.set(slot, ask);
      const reply = await api.invoke(channel, args);
      if (newestAsk.get(slot) !== ask) return { kind: 'superseded' };
      if (!reply.ok) {
        get().showError(reply.error);
        return { kind: 'failed' };
      }
      const value = reply.value as ValueOf<typeof channel>;
      set((state) => ({
        officeReads: keepNewest(state.officeReads, slot, { args: JSON.stringify(args), value }),
      }));
      return { kind: 'value', value };
    },
    askOffice(channel, args) {
      return api.invoke(channel, args);
    },
    async sendOffice(channel, args) {
      const reply = await api.invoke(channel, args);
      if (reply.ok) get().invalidateOffice();
      return reply;
    },
    invalidateOffice() {
      set((state) => ({ officeRevision: state.officeRevision + 1 }));
    },
    importProgress: null,
    applyImportProgress(progress) {
      set({ importProgress: progress.phase === 'done' ? null : progress });
    },
    lastPairedRegister: null,
    applyRegisterPaired(register) {
      set({ lastPairedRegister: register });
      get().invalidateOffice();
    },
  };
}

function keepNewest(reads: Record<string, OfficeRead>, slot: string, read: OfficeRead) {
  const { [slot]: _replaced, ...rest } = reads;
  const slots = Object.keys(rest);
  for (const old of slots.slice(0, Math.max(0, slots.length + 1 - SLOTS_KEPT))) delete rest[old];
  return { ...rest, [slot]: read };
}
