import { Parser } from 'marked';
import type { Token, Tokens } from 'marked';
import { LIVE_HIGHLIGHT_LIMIT, renderCode } from './code';
import { lexMarkdown, normalizeNewlines } from './lexer';
import { markdownOptions } from './options';

/** HTML for a run of block tokens (not yet sanitised). */
export function renderTokens(tokens: readonly Token[]): string {
  if (tokens.length === 0) return '';
  return new Parser(markdownOptions).parse([...tokens]);
}

/** The whole of `text` at once: how a finished message is rendered. */
export function renderMarkdown(text: string): string {
  return renderTokens(lexMarkdown(normalizeNewlines(text)).tokens);
}

/**
 * The unsettled tail of a streaming message. A long code block still being written is shown
 * plain until it closes, so one frame never pays for highlighting thousands of lines.
 */
export function renderTail(tokens: readonly Token[]): string {
  const last = tokens.at(-1);
  if (last?.type === 'code' && (last as Tokens.Code).text.length > LIVE_HIGHLIGHT_LIMIT) {
    return (
      renderTokens(tokens.slice(0, -1)) +
      renderCode((last as Tokens.Code).text, (last as Tokens.Code).lang, true)
    );
  }
  return renderTokens(tokens);
}
