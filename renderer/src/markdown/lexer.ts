import { Lexer } from 'marked';
import type { Links, Token, Tokens } from 'marked';
import { capNesting } from './depth';
import { markdownOptions } from './options';

export type { Links };

export interface Lexed {
  tokens: Token[];
  /** Every link reference definition seen, first one per label winning (as marked does). */
  links: Links;
}

/** Line endings the way marked normalises them, so offsets into the text match token `raw`s. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n|\r/gu, '\n') : text;
}

/** What is lexed of a message's text: newlines normalised, nesting within the caps (see depth.ts). */
export function prepareSource(text: string): string {
  return capNesting(normalizeNewlines(text));
}

/**
 * Lexes `src` as if `known` reference definitions had appeared before it: that is how a tail
 * of a document lexes the same as it would inside the whole document.
 */
export function lexMarkdown(src: string, known: Links = {}): Lexed {
  const lexer = new Lexer(markdownOptions);
  Object.assign(lexer.tokens.links, known);
  const tokens = lexer.lex(src);
  return { tokens: [...tokens], links: { ...lexer.tokens.links } };
}

/** Reference definitions inside `tokens`, in document order, including nested ones. */
export function definitionsIn(tokens: readonly Token[], into: Links = {}): Links {
  for (const token of tokens) {
    if (token.type === 'def') {
      const def = token as Tokens.Def;
      if (!Object.hasOwn(into, def.tag)) into[def.tag] = { href: def.href, title: def.title };
    } else if (token.type === 'list') {
      for (const item of (token as Tokens.List).items) definitionsIn(item.tokens, into);
    } else if (token.type === 'blockquote') {
      definitionsIn((token as Tokens.Blockquote).tokens, into);
    }
  }
  return into;
}

export function sameLinks(a: Links, b: Links): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (y === undefined || x === undefined || x.href !== y.href || x.title !== y.title) return false;
  }
  return true;
}
