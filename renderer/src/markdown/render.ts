import { Parser } from 'marked';
import type { MarkedOptions, Token, Tokens } from 'marked';
import { LIVE_HIGHLIGHT_LIMIT, renderCode, renderLiveCode } from './code';
import { lexMarkdown, prepareSource } from './lexer';
import { liveMarkdownOptions, markdownOptions } from './options';

/** HTML for a run of block tokens (not yet sanitised). */
export function renderTokens(tokens: readonly Token[], options: MarkedOptions = markdownOptions): string {
  if (tokens.length === 0) return '';
  return new Parser(options).parse([...tokens]);
}

/** The whole of `text` at once: how a finished message is rendered. */
export function renderMarkdown(text: string): string {
  return renderTokens(lexMarkdown(prepareSource(text)).tokens);
}

/** A code token whose closing fence has arrived (its last line is a fence and nothing else). */
function isClosed(code: Tokens.Code): boolean {
  return /\n {0,3}(?:`{3,}|~{3,})[ \t]*\n*$/u.test(code.raw);
}

/**
 * The unsettled tail of a streaming message, re-rendered every frame: its code blocks are
 * highlighted incrementally, and a very long one still being written is shown plain until it
 * closes (the DOM of thousands of highlighted lines would be rebuilt every frame).
 */
export function renderTail(tokens: readonly Token[]): string {
  const last = tokens.at(-1);
  if (last?.type !== 'code') return renderTokens(tokens, liveMarkdownOptions);
  const code = last as Tokens.Code;
  const open = !isClosed(code);
  return (
    renderTokens(tokens.slice(0, -1), liveMarkdownOptions) +
    (open && code.text.length > LIVE_HIGHLIGHT_LIMIT
      ? renderCode(code.text, code.lang, true)
      : renderLiveCode(code.text, code.lang, open))
  );
}
