// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamingMarkdown } from '../../../renderer/src/markdown/StreamingMarkdown';
import {
  REVEAL_STEP,
  releaseStreaming,
  revealed,
  streamingMarkdown,
} from '../../../renderer/src/markdown/streamingCache';
import { render } from '../ui/render';

/**
 * A streaming view opened on text already written ("Show all" on an answer being written, a thread
 * opened mid-answer) takes it in a step a frame, like the stream it is, rather than rendering tens
 * of thousands of characters in one frame; text arriving as a stream is never held back.
 */
const paragraph = (i: number) => `Paragraph ${i} says **something** about the \`tide\` at the pier.\n\n`;
const long = Array.from({ length: 800 }, (_, i) => paragraph(i)).join('');

let frames: FrameRequestCallback[] = [];
beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => frames.push(run));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  releaseStreaming('m1');
});

/** Runs the frames asked for so far; how many there were. */
function nextFrame(): number {
  const due = frames;
  frames = [];
  act(() => due.forEach((run) => run(performance.now())));
  return due.length;
}

describe('a streaming view far behind its text', () => {
  it('shows it a step a frame, cut at line ends, until all of it is there', () => {
    expect(long.length).toBeGreaterThan(5 * REVEAL_STEP);
    const view = render(<StreamingMarkdown messageId="m1" text={long} live />);
    const shownText = () => view.container.textContent ?? '';
    const steps: number[] = [shownText().length];
    while (nextFrame() > 0) steps.push(shownText().length);
    // Each frame added at most a step of the source; the first frame already showed a step's worth.
    expect(steps.length).toBeGreaterThan(4);
    expect(steps[0]).toBeGreaterThan(0);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1] ?? 0);
    expect(view.container.querySelectorAll('p')).toHaveLength(800);
    expect(shownText()).toContain('Paragraph 799 says something about the tide at the pier.');
    view.unmount();
  });

  it('never holds back a stream that adds less than a step per frame', () => {
    let text = '';
    const view = render(<StreamingMarkdown messageId="m1" text={text} live />);
    for (let i = 0; i < 300; i++) {
      text += paragraph(i);
      view.rerender(<StreamingMarkdown messageId="m1" text={text} live />);
      expect(view.container.querySelectorAll('p')).toHaveLength(i + 1);
    }
    expect(frames).toHaveLength(0);
    view.unmount();
  });
});

describe('revealed', () => {
  it('cuts text far ahead at the last line end within a step of what was shown', () => {
    const shown = revealed('m1', long);
    expect(shown.length).toBeLessThanOrEqual(REVEAL_STEP);
    expect(shown.endsWith('\n')).toBe(true);
    expect(long.startsWith(shown)).toBe(true);
  });

  it('cuts an unbroken run at the step, and does not hold back text that is near', () => {
    expect(revealed('m1', 'short text')).toBe('short text');
    const unbroken = 'x'.repeat(3 * REVEAL_STEP);
    expect(revealed('m1', unbroken)).toHaveLength(REVEAL_STEP);
  });

  it('does not hold back text that replaces what was shown', () => {
    streamingMarkdown('m1', 'An answer being written');
    const edited = `Another answer\n\n${long}`;
    expect(revealed('m1', edited)).toBe(edited);
    const continued = revealed('m1', `An answer being written${long}`);
    expect(continued.length).toBeGreaterThan(REVEAL_STEP / 2);
    expect(continued.length).toBeLessThanOrEqual('An answer being written'.length + REVEAL_STEP);
  });
});
