import { escapeHtml } from './escape';

/**
 * Unbroken runs longer than this are laid out in their own horizontal scroller instead of being
 * wrapped: Chromium finds a break in a run under `overflow-wrap: anywhere` at a cost that grows
 * with the run (a 64 KB run: 100 ms, 200 KB: seconds), and one that does not wrap costs a sixth.
 * Ordinary long words and URLs are far shorter and still wrap.
 */
export const LONG_RUN = 400;

const RUN = new RegExp(`\\S{${LONG_RUN},}`, 'gu');

/** `text` escaped, its long unbroken runs each in a scroller. */
export function escapeWithRuns(text: string): string {
  if (text.length < LONG_RUN) return escapeHtml(text);
  let html = '';
  let last = 0;
  for (const match of text.matchAll(RUN)) {
    html += `${escapeHtml(text.slice(last, match.index))}<span class="md-run">${escapeHtml(match[0])}</span>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/** Already-escaped HTML text (no tags): its long runs wrapped the same way. */
export function wrapRunsInEscaped(html: string): string {
  if (html.length < LONG_RUN) return html;
  return html.replace(RUN, (run) => `<span class="md-run">${run}</span>`);
}
