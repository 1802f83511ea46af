// The clocks behind [Note: simulated time].
import { describe, expect, it } from 'vitest';
import { createScaledClock, ManualClock, TimerSet } from '../../../simulator/core/clock';

describe('ManualClock', () => {
  it('fires due timers in time order, including timers set by timers, and stops at the target', () => {
    const clock = new ManualClock(1_000);
    const fired: string[] = [];
    clock.setTimer(300, () => fired.push('c'));
    clock.setTimer(100, () => {
      fired.push('a');
      clock.setTimer(50, () => fired.push('b'));
    });
    clock.setTimer(500, () => fired.push('late'));
    clock.advance(300);
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(1_300);
    expect(clock.pending()).toBe(1);
  });

  it('never fires a cancelled timer', () => {
    const clock = new ManualClock();
    let fired = false;
    const cancel = clock.setTimer(10, () => (fired = true));
    cancel();
    clock.advance(100);
    expect(fired).toBe(false);
  });
});

describe('TimerSet', () => {
  it('clear() cancels everything outstanding', () => {
    const clock = new ManualClock();
    const timers = new TimerSet(clock);
    let count = 0;
    timers.set(10, () => count++);
    timers.set(20, () => count++);
    timers.set(5, () => count++);
    clock.advance(6);
    timers.clear();
    clock.advance(100);
    expect(count).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('sleep resolves after simulated time passes', async () => {
    const clock = new ManualClock();
    const timers = new TimerSet(clock);
    let done = false;
    const slept = timers.sleep(1_000).then(() => (done = true));
    clock.advance(999);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await slept;
    expect(done).toBe(true);
  });
});

describe('createScaledClock', () => {
  it('refuses a non-positive scale', () => {
    expect(() => createScaledClock(0)).toThrow(RangeError);
    expect(() => createScaledClock(-1)).toThrow(RangeError);
  });

  it('starts at the given simulated instant', () => {
    const clock = createScaledClock(1, 5_000_000);
    expect(clock.now()).toBeGreaterThanOrEqual(5_000_000);
  });
});
