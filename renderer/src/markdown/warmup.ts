import { loadMoreLanguages } from './code';
import { renderMarkdown } from './render';
import { sanitizeHtml } from './sanitize';

const SAMPLE = [
  '# Title\n\nText with **bold**, `code`, a [link](https://example.com) and $x^2 + \\frac{a}{b}$.\n',
  '| a | b |\n| - | - |\n| 1 | 2 |\n',
  '$$\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}$$\n',
  ...['ts', 'js', 'python', 'json', 'bash', 'rust', 'go', 'java', 'sql', 'css', 'html', 'cpp'].map(
    (lang) => `\`\`\`${lang}\nfunction f(x) { return x + 1; }\n\`\`\`\n`,
  ),
].join('\n');

/**
 * Renders a sample once while the app is idle: highlight.js compiles each language's grammar
 * and KaTeX builds its tables on first use, which would otherwise land in the first frames of
 * the first streamed answer.
 */
export function warmUpMarkdown(): void {
  window.requestIdleCallback(
    () => {
      sanitizeHtml(renderMarkdown(SAMPLE));
      void loadMoreLanguages();
    },
    { timeout: 3000 },
  );
}
