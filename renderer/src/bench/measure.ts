/** Frame intervals from requestAnimationFrame, for frame-time percentiles while something runs. */
export function frameRecorder(): { stop: () => number[] } {
  const frames: number[] = [];
  let last = performance.now();
  let running = true;
  const tick = (t: number) => {
    if (!running) return;
    frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((t) => {
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
