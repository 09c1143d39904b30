import type Katex from 'katex';
import { escapeHtml } from './escape';

const cache = new Map<string, string>();
const CACHE_LIMIT = 400;

// KaTeX is a quarter of the markdown code and a third of the CSS, and most answers have no math:
// both are fetched the first time a formula is rendered (or when the idle warm-up renders one),
// not with the first screen.
let katex: typeof Katex | null = null;
let loading: Promise<void> | null = null;
let generation = 0;
const listeners = new Set<() => void>();

/** Fetches KaTeX once; formulas rendered before it arrived are shown as TeX until then. */
export function loadMath(): Promise<void> {
  loading ??= import('./katexModule').then((module) => {
    katex = module.default;
    generation += 1;
    for (const listener of listeners) listener();
  });
  return loading;
}

/** Changes when KaTeX arrives: HTML cached before then holds formulas as plain TeX. */
export const mathGeneration = (): number => generation;

export function onMathLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * TeX to HTML with KaTeX, remembered: the streaming tail re-renders the same formulas every
 * frame. Bad TeX shows the source in the error colour instead of throwing.
 */
export function renderMath(tex: string, display: boolean): string {
  if (katex === null) {
    void loadMath();
    const fence = display ? '$$' : '$';
    return `<code class="md-math-pending">${escapeHtml(`${fence}${tex}${fence}`)}</code>`;
  }
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
