import { Marked, Renderer } from 'marked';
import type { MarkedOptions, Tokens } from 'marked';
import { renderCode, renderLiveCode } from './code';
import { escapeHtml } from './escape';
import { wrapRunsInEscaped } from './longRuns';
import { mathExtension } from './math';
import { renderMath } from './mathRender';

const SAFE_HREF = /^(?:https?:|mailto:)/iu;

/**
 * One configuration for lexing and rendering model output: GitHub-flavoured markdown, TeX,
 * highlighted code with a Copy button, raw HTML shown as text (model output is untrusted), and
 * links marked for the click handler that opens them outside the app.
 */
function buildOptions(code: (text: string, lang: string | undefined) => string): MarkedOptions {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    extensions: [mathExtension(renderMath)],
    renderer: {
      code({ text, lang }: Tokens.Code) {
        return code(text, lang);
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return wrapRunsInEscaped(escapeHtml(text));
      },
      text(token: Tokens.Text | Tokens.Escape) {
        const html = Renderer.prototype.text.call(this, token);
        // A text token with children is rendered by them; a leaf is escaped text, without tags.
        return 'tokens' in token && token.tokens ? html : wrapRunsInEscaped(html);
      },
      codespan(token: Tokens.Codespan) {
        const html = Renderer.prototype.codespan.call(this, token);
        return `<code>${wrapRunsInEscaped(html.slice('<code>'.length, -'</code>'.length))}</code>`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const label = this.parser.parseInline(tokens);
        if (!SAFE_HREF.test(href)) return label;
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(href)}" data-md-link=""${titleAttr}>${label}</a>`;
      },
      image({ href, text }: Tokens.Image) {
        // Words, not an emoji: without an emoji font it drew as an empty box.
        const label = `Image: ${escapeHtml(text || 'untitled')}`;
        if (!SAFE_HREF.test(href)) return label;
        return `<a href="${escapeHtml(href)}" data-md-link="" class="md-image-link">${label}</a>`;
      },
      table(token: Tokens.Table) {
        return `<div class="md-table">${Renderer.prototype.table.call(this, token)}</div>`;
      },
    },
  });
  return marked.defaults;
}

export const markdownOptions: MarkedOptions = buildOptions(renderCode);

/** The same, for the streaming tail: code blocks there grow every frame and are highlighted incrementally. */
export const liveMarkdownOptions: MarkedOptions = buildOptions(renderLiveCode);
