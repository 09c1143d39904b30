import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { escapeHtml } from './escape';

// The languages answers use most are there from the first frame; the rest of highlight.js's
// common set (Ruby, PHP, Kotlin, Swift, C#…) loads when the app is idle after its first screen,
// or as soon as a block asks for one, which keeps them out of the first screen's JavaScript.
const FIRST = {
  bash,
  c,
  cpp,
  css,
  diff,
  go,
  java,
  javascript,
  json,
  markdown,
  plaintext,
  python,
  rust,
  shell,
  sql,
  typescript,
  xml,
  yaml,
};
for (const [name, language] of Object.entries(FIRST)) hljs.registerLanguage(name, language);

let more: Promise<void> | null = null;
/** Loads and registers the rest of the common languages once; blocks rendered later use them. */
export function loadMoreLanguages(): Promise<void> {
  more ??= import('./moreLanguages').then((m) => m.registerMoreLanguages(hljs));
  return more;
}

/** Above this size an unfinished code block is shown plain while it streams; it is highlighted once complete. */
export const LIVE_HIGHLIGHT_LIMIT = 12_000;
/**
 * Above this size a finished code block is shown plain: hljs takes about a millisecond per KB,
 * more than a frame for one block, and a huge answer's code comes 32 KB a part (limit.ts).
 */
export const HIGHLIGHT_LIMIT = 16_000;

function highlighted(code: string, lang: string): string {
  if (lang !== '' && hljs.getLanguage(lang) === undefined) void loadMoreLanguages();
  if (lang === '' || hljs.getLanguage(lang) === undefined) return escapeHtml(code);
  return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
}

/** Code highlighted while a message streams, remembered for the next frame. */
interface Highlight {
  readonly lang: string;
  readonly code: string;
  readonly html: string;
  /** It ends a line outside any string or comment, so highlighting what follows can start afresh. */
  readonly resumable: boolean;
}

/** Enough for the code blocks of a streaming tail and the steps of the one being written. */
const KEPT = 8;
let recent: Highlight[] = [];

/**
 * `code` highlighted, carrying on from the longest remembered start of it that is resumable
 * (hljs is back at the grammar's top level at the end of a line: nothing open can continue past
 * it, so highlighting the rest on its own gives what highlighting the whole would). A block that
 * grows frame by frame thus costs its new lines, not its whole length, each time.
 */
function highlightedResuming(code: string, lang: string): string {
  const language = hljs.getLanguage(lang);
  if (lang === '' || language === undefined) return escapeHtml(code);
  const exact = recent.find((h) => h.lang === lang && h.code === code);
  if (exact) return exact.html;
  let start: Highlight | undefined;
  for (const h of recent) {
    if (
      h.resumable &&
      h.lang === lang &&
      h.code.length > (start?.code.length ?? 0) &&
      code.startsWith(h.code)
    )
      start = h;
  }
  const result = hljs.highlight(code.slice(start?.code.length ?? 0), {
    language: lang,
    ignoreIllegals: true,
  });
  const html = (start?.html ?? '') + result.value;
  const resumable = code.endsWith('\n') && result._top === language && !result.illegal;
  recent = [{ lang, code, html, resumable }, ...recent].slice(0, KEPT);
  return html;
}

/** A language that may name a class: the model's fence info string is otherwise only shown as text. */
const CLASS_SAFE_LANG = /^[a-z0-9_+#.-]{1,40}$/u;

function codeBlock(code: string, infoString: string | undefined, body: (lang: string) => string): string {
  const lang = (infoString ?? '').trim().split(/\s+/u)[0]?.toLowerCase() ?? '';
  const label = lang === '' ? 'text' : lang;
  return (
    `<div class="md-code"><div class="md-code-bar"><span class="md-code-lang">${escapeHtml(label)}</span>` +
    `<button type="button" class="md-copy" data-md-copy="" aria-label="Copy code">Copy</button></div>` +
    `<pre><code class="hljs${CLASS_SAFE_LANG.test(lang) ? ` language-${lang}` : ''}">${body(lang)}</code></pre></div>`
  );
}

/** A fenced code block: a bar with the language and a Copy button, then the highlighted code. */
export function renderCode(code: string, infoString: string | undefined, plain = false): string {
  const show =
    plain || code.length > HIGHLIGHT_LIMIT
      ? () => escapeHtml(code)
      : (lang: string) => highlighted(code, lang);
  return codeBlock(code, infoString, show);
}

/**
 * A code block of a message that is streaming, highlighted incrementally. While it is `open`
 * (being written) its last, unfinished line is shown plain and highlighted once it ends, so
 * a frame usually highlights nothing at all; a finished block is highlighted to its end.
 */
export function renderLiveCode(code: string, infoString: string | undefined, open = false): string {
  return codeBlock(code, infoString, (lang) => {
    if (!open) return highlightedResuming(code, lang);
    const lineEnd = code.lastIndexOf('\n') + 1;
    const done = lineEnd === 0 ? '' : highlightedResuming(code.slice(0, lineEnd), lang);
    return done + escapeHtml(code.slice(lineEnd));
  });
}
