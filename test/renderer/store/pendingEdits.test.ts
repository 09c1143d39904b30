import { describe, expect, it } from 'vitest';
import { flushPendingEdits, registerFlusher, trackSave } from '../../../renderer/src/store/pendingEdits';

const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('pending edits before a send', () => {
  it('saves what editors hold and waits for saves already on their way', async () => {
    const order: string[] = [];
    const inFlight = deferred();
    void trackSave(
      't1',
      inFlight.promise.then(() => order.push('earlier save landed')),
    );
    const off = registerFlusher('t1', async () => {
      order.push('panel flushed');
      return null;
    });
    const flushed = flushPendingEdits('t1').then((reason) => order.push(`send (${reason})`));
    await Promise.resolve();
    expect(order).toEqual(['panel flushed']);
    inFlight.resolve();
    await flushed;
    expect(order).toEqual(['panel flushed', 'earlier save landed', 'send (null)']);
    off();
  });

  it('waits for the save a flusher starts, and reports why an edit cannot be sent', async () => {
    const save = deferred();
    let saved = false;
    const off = registerFlusher('t2', async () => {
      void trackSave(
        't2',
        save.promise.then(() => (saved = true)),
      );
      return 'temperature must be between 0 and 2';
    });
    const result = flushPendingEdits('t2');
    save.resolve();
    expect(await result).toBe('temperature must be between 0 and 2');
    expect(saved).toBe(true);
    off();
  });

  it('touches only the thread being sent, and nothing once the editor is gone', async () => {
    let calls = 0;
    const off = registerFlusher('t3', async () => {
      calls++;
      return null;
    });
    await flushPendingEdits('other');
    expect(calls).toBe(0);
    off();
    await flushPendingEdits('t3');
    expect(calls).toBe(0);
  });
});
