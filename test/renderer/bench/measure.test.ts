import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frameRecorder } from '../../../renderer/src/bench/measure';

/** A page clock and a frame loop the test drives: frames run when it says so. */
let now = 0;
let queued: FrameRequestCallback[] = [];
beforeEach(() => {
  now = 1000;
  queued = [];
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => queued.push(f));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A frame that was due at `due` runs its callbacks at `ranAt` (later when a task held it up). */
function frame(due: number, ranAt = due) {
  now = ranAt;
  const run = queued;
  queued = [];
  for (const f of run) f(due);
}

describe('frameRecorder', () => {
  it('counts a long task started with the recording, before its first frame', () => {
    const recorder = frameRecorder();
    // Opening a thread: 120 ms of work right after recording starts, so the frame due at
    // 1016.7 only runs once the task is done.
    frame(1016.7, 1120);
    frame(1133.3);
    frame(1150);
    const frames = recorder.stop();
    expect(Math.max(...frames)).toBeGreaterThanOrEqual(120);
  });

  it('gives idle frames as one period each, the first a part of one', () => {
    now = 1005;
    const recorder = frameRecorder();
    frame(1016.7);
    frame(1033.3);
    frame(1050);
    const frames = recorder.stop();
    expect(frames).toHaveLength(3);
    expect(frames[0]).toBeCloseTo(11.7, 1);
    expect(frames[1]).toBeCloseTo(16.6, 1);
    expect(frames[2]).toBeCloseTo(16.7, 1);
  });
});
