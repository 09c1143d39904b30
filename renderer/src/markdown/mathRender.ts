import katex from 'katex';
import { escapeHtml } from './escape';

const cache = new Map<string, string>();
const CACHE_LIMIT = 400;

/**
 * TeX to HTML with KaTeX, remembered: the streaming tail re-renders the same formulas every
 * frame. Bad TeX shows the source in the error colour instead of throwing.
 */
export function renderMath(tex: string, display: boolean): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let html: string;
  try {
    html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: false,
      strict: 'ignore',
      trust: false,
      output: 'htmlAndMathml',
    });
  } catch {
    html = `<code class="md-math-error">${escapeHtml(tex)}</code>`;
  }
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, html);
  return html;
}
