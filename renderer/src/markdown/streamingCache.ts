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
