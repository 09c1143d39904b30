import { Fragment } from 'react';
import './visibleName.css';

/**
 * Names that come from a provider or a model (tool names, model ids, provider names, file names)
 * are untrusted. A right-to-left override makes `get_\u202Etxt.exe` read "get_exe.txt", and
 * zero-width or other invisible characters make two different names look the same. Such
 * characters are shown as badges (⟨U+202E⟩) and the name is isolated from the text around it.
 */

// Format characters (bidi controls, zero-widths, soft hyphen, tags, BOM), controls, line and
// paragraph separators, and the blank letters (Hangul fillers, combining grapheme joiner, Khmer
// inherent vowels) that draw nothing.
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029\u3164\uffa0]|\u034f|\u115f|\u1160|\u17b4|\u17b5/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');

const NAMES: Record<number, string> = {
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x061c: 'arabic letter mark',
  0x00ad: 'soft hyphen',
  0xfeff: 'zero width no-break space',
};

/** `U+202E` for a code point. */
function codePointLabel(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether a name holds characters that would not show or that reorder the text. */
function hasHiddenCharacters(name: string): boolean {
  return HIDDEN.test(name);
}

/** The name as plain text with every hidden character spelled out: for titles, labels and options. */
export function visibleText(name: string): string {
  return name.replace(HIDDEN_ALL, (char) => `⟨${codePointLabel(char)}⟩`);
}

interface Props {
  name: string;
  className?: string;
}

/** A name shown as it really is: its direction isolated, its hidden characters as badges. */
export function VisibleName({ name, className }: Props) {
  if (!hasHiddenCharacters(name)) {
    return <bdi className={className}>{name}</bdi>;
  }
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of name.matchAll(HIDDEN_ALL)) {
    const char = match[0];
    const at = match.index;
    if (at > last) parts.push(<Fragment key={`t${at}`}>{name.slice(last, at)}</Fragment>);
    const label = codePointLabel(char);
    const described = NAMES[char.codePointAt(0) ?? 0];
    parts.push(
      <span
        key={`c${at}`}
        className="hidden-char"
        title={
          described
            ? `${label} ${described}: a hidden character in this name`
            : `${label}: a hidden character in this name`
        }
      >
        ⟨{label}⟩
      </span>,
    );
    last = at + char.length;
  }
  if (last < name.length) parts.push(<Fragment key="end">{name.slice(last)}</Fragment>);
  return (
    <bdi className={className ? `${className} has-hidden-chars` : 'has-hidden-chars'} dir="ltr">
      {parts}
    </bdi>
  );
}
