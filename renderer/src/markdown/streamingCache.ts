import type { IncrementalMarkdown, StableChunk } from './incremental';
import { emptyMarkdown, updateMarkdown } from './incremental';
import { renderTail, renderTokens } from './render';
import { sanitizeHtml } from './sanitize';

const states = new Map<string, IncrementalMarkdown>();
const chunkHtml = new WeakMap<StableChunk, string>();

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

/** A settled chunk is rendered and sanitised once. */
export function stableChunkHtml(chunk: StableChunk): string {
  let html = chunkHtml.get(chunk);
  if (html === undefined) {
    html = sanitizeHtml(renderTokens(chunk.tokens));
    chunkHtml.set(chunk, html);
  }
  return html;
}

/** The unsettled tail; `live` while text is still arriving (a long open code block stays plain). */
export function tailHtml(state: IncrementalMarkdown, live = true): string {
  return sanitizeHtml(live ? renderTail(state.tail) : renderTokens(state.tail));
}
