import type { IncrementalMarkdown, StableChunk } from './incremental';
import { emptyMarkdown, updateMarkdown } from './incremental';
import { liveMarkdownOptions } from './options';
import { mathGeneration } from './mathRender';
import { renderTail, renderTokens } from './render';

const states = new Map<string, IncrementalMarkdown>();
/** The class of a formula shown as TeX until KaTeX arrives (./mathRender.ts). */
const MATH_PENDING = 'md-math-pending';
/** Each settled chunk's HTML, with the KaTeX generation it was rendered under. */
const chunkHtml = new WeakMap<StableChunk, { html: string; math: number }>();

/** The incremental markdown of a message that is still streaming, carried from one frame to the next. */
export function streamingMarkdown(messageId: string, text: string): IncrementalMarkdown {
  const next = updateMarkdown(states.get(messageId) ?? emptyMarkdown, text);
  states.set(messageId, next);
  return next;
}

/**
 * How much more text one render of a streaming view takes in. A stream adds a few hundred
 * characters a frame even at 10,000 tok/s; more arrives at once when a view opens on text already
 * written ("Show all" mounting a 32,000-character part of an answer being written, a thread opened
 * mid-answer): rendered in one go that took a frame of 50 ms and more. It is shown this much a
 * frame instead, in a few frames, like the stream it is.
 */
export const REVEAL_STEP = 8_000;

/**
 * What of `text` the view of `messageId` shows now: all of it, unless it is more than REVEAL_STEP
 * characters ahead of what the view showed last, when it is cut at the end of a line (or at the
 * step) that far ahead. Text that does not continue what was shown is not held back.
 */
export function revealed(messageId: string, text: string): string {
  const shown = states.get(messageId)?.input ?? '';
  const upTo = shown.length + REVEAL_STEP;
  if (text.length <= upTo || !text.startsWith(shown)) return text;
  const lineEnd = text.lastIndexOf('\n', upTo - 1);
  return text.slice(0, lineEnd > shown.length ? lineEnd + 1 : upTo);
}

/** Forget a message's streaming state once its view is gone. */
export function releaseStreaming(messageId: string): void {
  states.delete(messageId);
}

/**
 * Whether a message streamed while on screen and is still shown that way: it keeps its
 * incremental view after the end, since its blocks are already rendered (re-rendering a long
 * answer whole at that moment would stall a frame).
 */
export function hasStreamingView(messageId: string): boolean {
  return states.has(messageId);
}

/*
 * The streaming view shows the renderer's HTML without a DOMPurify pass. The renderer is safe by
 * construction (raw HTML is escaped, links and images keep only http(s)/mailto targets, code is
 * escaped or highlighted, KaTeX runs untrusted), and the safety tests check on hostile documents
 * that the app's DOMPurify configuration would not change a thing. DOMPurify parses its input into
 * a new document per call, about 0.7 ms even for a short tail: more than the whole frame budget of
 * a streaming update. Finished messages, rendered once and cached, still go through it.
 */

/**
 * A settled chunk is rendered once. A code block in it was highlighted frame by frame while it
 * was written; the incremental highlighter picks up from there instead of starting over. A chunk
 * whose formulas were drawn as TeX before KaTeX arrived is rendered again once it has.
 */
export function stableChunkHtml(chunk: StableChunk): string {
  const kept = chunkHtml.get(chunk);
  const math = mathGeneration();
  if (kept && (kept.math === math || !kept.html.includes(MATH_PENDING))) return kept.html;
  const html = renderTokens(chunk.tokens, liveMarkdownOptions);
  chunkHtml.set(chunk, { html, math });
  return html;
}

/** The unsettled tail; `live` while text is still arriving (a long open code block stays plain). */
export function tailHtml(state: IncrementalMarkdown, live = true): string {
  return live ? renderTail(state.tail) : renderTokens(state.tail);
}
