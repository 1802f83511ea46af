// Group commit over a fake storage port: batching, durability-before-answer, deadline and failure handling.
import { describe, expect, it, vi } from 'vitest';
import { GroupCommitter } from '../../../relay/ingress/group-commit';
import type { AppendOutcome, NewEvent, RelayStorage } from '../../../relay/storage/storage';

function fakeStorage(behaviour: { fail?: boolean } = {}): { storage: RelayStorage; batches: number[] } {
  const batches: number[] = [];
  let seq = 0;
  const storage = {
    async appendEvents(batch: readonly NewEvent[]): Promise<AppendOutcome[]> {
      batches.push(batch.length);
      if (behaviour.fail) throw new Error('disk full');
      return batch.map((e) => ({ kind: 'stored', event: { ...e, seq: ++seq } }));
    },
  } as unknown as RelayStorage;
  return { storage, batches };
}

const ev = (i: number): NewEvent => ({
  storeId: 's',
  id: `e${i}`,
  receivedAt: 0,
  dedupeKey: `k${i}`,
  bpSignature: 'absent',
  payload: '{}',
});

describe('GroupCommitter', () => {
  it('writes submissions of one event-loop turn in one transaction, in order', async () => {
    const { storage, batches } = fakeStorage();
    const gc = new GroupCommitter(storage, { maxBatch: 100, deadlineMs: 1000 });
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => gc.submit(ev(i))));
    expect(batches).toEqual([50]);
    expect(outcomes.map((o) => (o.kind === 'stored' ? o.event.seq : -1))).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it('never waits for a timer: a lone webhook reaches storage with every timer stopped', async () => {
    // setTimeout and setInterval are faked and never advanced: a committer that waited for a batching window
    // would leave the webhook queued here. (setImmediate, the end of the current I/O phase, stays real.)
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] });
    try {
      const { storage, batches } = fakeStorage();
      const gc = new GroupCommitter(storage, { maxBatch: 100, deadlineMs: 1000 });
      const outcome = gc.submit(ev(1));
      await new Promise((r) => setImmediate(r));
      expect(batches).toEqual([1]);
      expect((await outcome).kind).toBe('stored');
    } finally {
      vi.useRealTimers();
    }
  });

  it('while a batch is being written, gathers what arrives into the next one (batching only under load)', async () => {
    let release: () => void = () => undefined;
    const batches: number[] = [];
    let seq = 0;
    const storage = {
      async appendEvents(batch: readonly NewEvent[]): Promise<AppendOutcome[]> {
        batches.push(batch.length);
        if (batches.length === 1) await new Promise<void>((r) => (release = r));
        return batch.map((e) => ({ kind: 'stored', event: { ...e, seq: ++seq } }));
      },
    } as unknown as RelayStorage;
    const gc = new GroupCommitter(storage, { maxBatch: 100, deadlineMs: 1000, pipeline: 1 });
    const first = gc.submit(ev(0));
    await new Promise((r) => setImmediate(r));
    // Separate turns, as separate HTTP requests are: each would go alone if the committer did not batch.
    const rest: Promise<unknown>[] = [];
    for (let i = 1; i <= 3; i++) {
      rest.push(gc.submit(ev(i)));
      await new Promise((r) => setImmediate(r));
    }
    expect(batches).toEqual([1]);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([1, 3]);
  });

  it('splits at maxBatch and drains completely', async () => {
    const { storage, batches } = fakeStorage();
    const gc = new GroupCommitter(storage, { maxBatch: 16, deadlineMs: 1000 });
    const all = Promise.all(Array.from({ length: 40 }, (_, i) => gc.submit(ev(i))));
    await gc.drain();
    expect(gc.depth).toBe(0);
    expect(batches).toEqual([16, 16, 8]);
    expect((await all).every((o) => o.kind === 'stored')).toBe(true);
  });

  it('answers overloaded, without storing, whatever waited past the deadline', async () => {
    const { storage, batches } = fakeStorage();
    let now = 0;
    const gc = new GroupCommitter(storage, { maxBatch: 100, deadlineMs: 100, now: () => now });
    const late = gc.submit(ev(1));
    now = 500;
    const fresh = gc.submit(ev(2));
    expect((await late).kind).toBe('overloaded');
    expect((await fresh).kind).toBe('stored');
    expect(batches).toEqual([1]);
  });

  it('turns a failed transaction into storage_error for each member, never a rejection', async () => {
    const { storage } = fakeStorage({ fail: true });
    const errors: unknown[] = [];
    const gc = new GroupCommitter(storage, {
      maxBatch: 10,
      deadlineMs: 1000,
      onError: (e) => errors.push(e),
    });
    const out = await Promise.all([gc.submit(ev(1)), gc.submit(ev(2))]);
    expect(out.map((o) => o.kind)).toEqual(['storage_error', 'storage_error']);
    expect(errors).toHaveLength(1);
  });
});
