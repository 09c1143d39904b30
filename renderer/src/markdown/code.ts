import hljs from 'highlight.js/lib/common';
import { escapeHtml } from './escape';

/** Above this size an unfinished code block is shown plain while it streams; it is highlighted once complete. */
export const LIVE_HIGHLIGHT_LIMIT = 12_000;

function highlighted(code: string, lang: string): string {
  if (lang === '' || hljs.getLanguage(lang) === undefined) return escapeHtml(code);
  return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
}

/** A fenced code block: a bar with the language and a Copy button, then the highlighted code. */
export function renderCode(code: string, infoString: string | undefined, plain = false): string {
  const lang = (infoString ?? '').trim().split(/\s+/u)[0]?.toLowerCase() ?? '';
  const body = plain ? escapeHtml(code) : highlighted(code, lang);
  const label = lang === '' ? 'text' : lang;
  return (
    `<div class="md-code"><div class="md-code-bar"><span class="md-code-lang">${escapeHtml(label)}</span>` +
    `<button type="button" class="md-copy" data-md-copy="" aria-label="Copy code">Copy</button></div>` +
    `<pre><code class="hljs${lang === '' ? '' : ` language-${escapeHtml(lang)}`}">${body}</code></pre></div>`
  );
}
