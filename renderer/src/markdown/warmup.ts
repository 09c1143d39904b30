import { loadMoreLanguages } from './code';
import { loadMath } from './mathRender';
import { renderMarkdown } from './render';
import { sanitizeHtml } from './sanitize';

const PROSE =
  '# Title\n\nText with **bold**, `code` and a [link](https://example.com).\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';
const LANGUAGES = ['ts', 'js', 'python', 'json', 'bash', 'rust', 'go', 'java', 'sql', 'css', 'html', 'cpp'];
const MATH = 'Inline $x^2 + \\frac{a}{b}$ and\n\n$$\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}$$\n';

/** A slice goes on to the next piece only with this much idle time left: a cold grammar takes up to ~15 ms here. */
const ROOM_MS = 15;
/** A page that is never idle still gets each piece within this long. */
const IDLE_TIMEOUT_MS = 3000;

/**
 * Runs `pieces` in the page's idle time, as many per idle period as fit, at least one: a busy
 * page (or an idle callback that timed out, with no time left) gets one piece per task.
 */
export function runWhenIdle(pieces: readonly (() => void)[]): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    const slice = (deadline: IdleDeadline) => {
      do {
        const piece = pieces[next++];
        try {
          piece?.();
        } catch {
          // A piece that fails leaves only its own grammar cold; the rest still runs.
        }
      } while (next < pieces.length && deadline.timeRemaining() >= ROOM_MS);
      if (next < pieces.length) window.requestIdleCallback(slice, { timeout: IDLE_TIMEOUT_MS });
      else resolve();
    };
    if (pieces.length === 0) resolve();
    else window.requestIdleCallback(slice, { timeout: IDLE_TIMEOUT_MS });
  });
}

const render = (text: string) => () => void sanitizeHtml(renderMarkdown(text));

/**
 * Renders samples while the app is idle: highlight.js compiles each language's grammar and KaTeX
 * builds its tables on first use, which would otherwise land in the first frames of the first
 * streamed answer. One grammar per piece: rendered in one task, the whole sample held the page
 * ~200 ms a few seconds after start, when the first message is being typed.
 */
export async function warmUpMarkdown(): Promise<void> {
  await runWhenIdle([
    render(PROSE),
    ...LANGUAGES.map((lang) => render(`\`\`\`${lang}\nfunction f(x) { return x + 1; }\n\`\`\`\n`)),
  ]);
  await loadMath();
  await runWhenIdle([render(MATH)]);
  await loadMoreLanguages();
}
