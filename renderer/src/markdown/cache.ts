import { hashText } from './hash';
import { mathGeneration } from './mathRender';
import { renderMarkdown } from './render';
import { sanitizeHtml } from './sanitize';

const MAX_ENTRIES = 600;
const cache = new Map<string, string>();

/**
 * Sanitised HTML of a finished message, parsed once: keyed by message id and a hash of its text,
 * so scrolling back over a thread or switching threads never parses the same text twice, and an
 * edited message (new text, same id) is parsed again.
 */
export function finishedHtml(messageId: string, text: string): string {
  // A text rendered before KaTeX arrived is rendered again once it has.
  const key = `${messageId}:${hashText(text)}:${mathGeneration()}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Re-insert so eviction drops the least recently shown.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = sanitizeHtml(renderMarkdown(text));
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, html);
  return html;
}
