import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTokenizerWhenQuiet, QUIET_POLL_MS } from '../../main/usage/tokens';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('loading the tokenizer in the background', () => {
  it('waits while an answer streams (loading it holds main), and loads it once none does', async () => {
    let streaming = 2;
    const load = vi.fn(() => Promise.resolve());
    const loaded = loadTokenizerWhenQuiet(() => streaming === 0, load);
    await vi.advanceTimersByTimeAsync(QUIET_POLL_MS * 4);
    expect(load).not.toHaveBeenCalled();
    streaming = 1;
    await vi.advanceTimersByTimeAsync(QUIET_POLL_MS * 4);
    expect(load).not.toHaveBeenCalled();
    streaming = 0;
    await vi.advanceTimersByTimeAsync(QUIET_POLL_MS);
    await loaded;
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads it at once when nothing streams', async () => {
    const load = vi.fn(() => Promise.resolve());
    await loadTokenizerWhenQuiet(() => true, load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('passes on a load that fails, for the caller to report', async () => {
    const failed = loadTokenizerWhenQuiet(
      () => true,
      () => Promise.reject(new Error('no rank table')),
    );
    await expect(failed).rejects.toThrow('no rank table');
  });
});
