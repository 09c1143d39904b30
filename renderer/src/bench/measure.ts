/**
 * Frame intervals from requestAnimationFrame, for frame-time percentiles while something runs.
 * The clock starts when recording starts, not at the first frame after it: an action begun right
 * after `frameRecorder()` whose long task delays that first frame must count as a long frame
 * (waiting for a frame to start the clock hid exactly the opening's long task).
 */
export function frameRecorder(): { stop: () => number[] } {
  const frames: number[] = [];
  const started = performance.now();
  let last = started;
  let running = true;
  const tick = (t: number) => {
    if (!running) return;
    frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((t) => {
    if (!running) return;
    // The first interval runs to when this frame's callbacks actually run: a frame's timestamp is
    // when it was due, which for a frame held up by a long task is before that task ended.
    frames.push(performance.now() - started);
    last = t;
    requestAnimationFrame(tick);
  });
  return {
    stop: () => {
      running = false;
      return frames;
    },
  };
}

/** Resolves after the frame following the next one has started: the current change is painted. */
export function afterPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
  );
}

/**
 * Key press to next paint in an element: from the event's timestamp to just after the frame
 * that shows its effect.
 */
export function inputLatencyRecorder(target: EventTarget): { stop: () => number[] } {
  const samples: number[] = [];
  const onKey = (event: Event) => {
    const start = event.timeStamp;
    void afterPaint().then((end) => samples.push(end - start));
  };
  target.addEventListener('keydown', onKey, true);
  return {
    stop: () => {
      target.removeEventListener('keydown', onKey, true);
      return samples;
    },
  };
}
