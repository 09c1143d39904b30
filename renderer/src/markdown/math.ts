import type { TokenizerAndRendererExtension, Tokens } from 'marked';

export interface MathToken extends Tokens.Generic {
  type: 'math';
  raw: string;
  text: string;
  display: boolean;
}

/** `$$…$$` may span lines inside a paragraph; it is displayed on its own line. */
const DISPLAY = /^\$\$(?!\$)([\s\S]+?)\$\$/u;
/**
 * `$…$` on one line, with the pandoc rules that keep prices plain: no space just inside the
 * dollars and no digit right after the closing one ("$5 and $10" is not math).
 */
const INLINE = /^\$(?![\s$])((?:\\[\s\S]|[^\\$\n])+?)(?<!\s)\$(?!\d)/u;

export function isMathToken(token: { type: string }): token is MathToken {
  return token.type === 'math';
}

/**
 * Tokenizes TeX at the inline level only: a block-level rule would let a later `$$` change how
 * earlier paragraphs split, which the incremental lexer relies on never happening.
 */
export function mathExtension(
  render: (tex: string, display: boolean) => string,
): TokenizerAndRendererExtension {
  return {
    name: 'math',
    level: 'inline',
    start(src: string) {
      const at = src.indexOf('$');
      return at < 0 ? undefined : at;
    },
    tokenizer(src: string): MathToken | undefined {
      const display = DISPLAY.exec(src);
      if (display?.[1] !== undefined && display[1].trim() !== '') {
        return { type: 'math', raw: display[0], text: display[1].trim(), display: true };
      }
      const inline = INLINE.exec(src);
      if (inline?.[1] !== undefined) return { type: 'math', raw: inline[0], text: inline[1], display: false };
      return undefined;
    },
    renderer(token) {
      return isMathToken(token) ? render(token.text, token.display) : false;
    },
  };
}
