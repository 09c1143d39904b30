import { escapeHtml } from './escape';

/**
 * Unbroken runs longer than this are broken between any two characters (`word-break: break-all`)
 * instead of by `overflow-wrap: anywhere`, under which Chromium finds a break in a run at a cost
 * that grows with the run (a 64 KB run: 100 ms, 200 KB: seconds). Ordinary long words and URLs
 * are far shorter and still wrap at their natural breaks. Laying out a run costs about four times
 * what as much prose does, which bounds the parts a long message is shown in (limit.ts).
 */
export const LONG_RUN = 400;

const RUN = new RegExp(`\\S{${LONG_RUN},}`, 'gu');

/** `text` escaped, its long unbroken runs each marked to break anywhere. */
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
