import { afterEach, describe, expect, it, vi } from 'vitest';
import { FirstScreen } from '../../main/threads/firstScreen';

/** Start-up work the first screen does not need waits for its first thread to be answered. */
describe('the first screen gate', () => {
  afterEach(() => vi.useRealTimers());
  const settled = async (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    // The gate opens in a task of its own after the answer (a 1 ms timer).
    await vi.advanceTimersByTimeAsync(1);
    return done;
  };

  it('opens once the first thread is answered, not before, and passes the answer through', async () => {
    vi.useFakeTimers();
    const gate = new FirstScreen(10_000);
    const get = gate.watch((id: string) => ({ id }));
    expect(await settled(gate.shown)).toBe(false);
    expect(get('t1')).toEqual({ id: 't1' });
    expect(await settled(gate.shown)).toBe(true);
    expect(get('t2')).toEqual({ id: 't2' });
  });

  it('opens on a failed opening too, and the failure still reaches the caller', async () => {
    vi.useFakeTimers();
    const gate = new FirstScreen(10_000);
    const get = gate.watch(() => {
      throw new Error('gone');
    });
    expect(() => get()).toThrow('gone');
    expect(await settled(gate.shown)).toBe(true);
  });

  it('opens after the fallback when no thread is ever opened', async () => {
    vi.useFakeTimers();
    const gate = new FirstScreen(10_000);
    await vi.advanceTimersByTimeAsync(9_998);
    expect(await settled(gate.shown)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(gate.shown)).toBe(true);
  });

  it('runs what waits `after` it that long after the first screen', async () => {
    vi.useFakeTimers();
    const gate = new FirstScreen(10_000);
    const later = gate.after(3_000);
    gate.watch(() => 1)();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await settled(later)).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await settled(later)).toBe(true);
  });
});
