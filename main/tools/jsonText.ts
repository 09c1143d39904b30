import type { SchemaIssue } from '../contract/tools';

/**
 * JSON text → value, or an issue that says where the text broke (1-based line and column) in the
 * same words on every engine. Pure: the renderer imports it too.
 */
export type JsonParse = { ok: true; value: unknown } | { ok: false; issue: SchemaIssue };

function located(text: string, offset: number, message: string): SchemaIssue {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  const column = offset - lineStart + 1;
  return { path: '', message: `line ${line}, column ${column}: ${message}`, line, column };
}

const describeChar = (c: string | undefined): string =>
  c === undefined ? 'the end of the text' : JSON.stringify(c);

/** Offset and message of the first syntax error, found by a small iterative scanner. */
function firstSyntaxError(text: string): { offset: number; message: string } {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const skip = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const fail = (message: string) => ({ offset: i, message });
  const literal = (word: string): boolean => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return false;
  };
  const string = (): string | null => {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text[i] ?? '';
      if (c === '"') {
        i++;
        return null;
      }
      if (c < ' ') return 'line break or control character inside a string (use \\n)';
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return 'bad \\u escape: expected four hex digits';
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return `bad escape \\${e ?? ''}`;
      } else i++;
    }
    // Pointing at the end of the text would not help: the string was opened here.
    i = start;
    return 'this string is never closed (missing ")';
  };
  // One JSON value at i; returns an error message, or null after consuming it (containers are pushed).
  const value = (): string | null => {
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      return null;
    }
    if (c === '"') return string();
    if (c !== undefined && /[-0-9]/.test(c)) {
      const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
      if (!match) return 'invalid number';
      i += match[0].length;
      return null;
    }
    if (literal('true') || literal('false') || literal('null')) return null;
    return c === "'"
      ? 'strings and names need double quotes'
      : `unexpected ${describeChar(c)}: expected a value`;
  };
  skip();
  let error = value();
  if (error) return fail(error);
  // After each value or opening bracket: close containers, read separators and the next member.
  let justOpened = stack.length > 0;
  while (stack.length > 0) {
    skip();
    const top = stack[stack.length - 1];
    const c = text[i];
    const close = top === '{' ? '}' : ']';
    if (c === close) {
      stack.pop();
      i++;
      justOpened = false;
      continue;
    }
    if (!justOpened) {
      if (c !== ',') return fail(`expected ',' or '${close}' but found ${describeChar(c)}`);
      i++;
      skip();
      if (text[i] === close) return fail(`trailing comma before '${close}'`);
    }
    if (top === '{') {
      if (text[i] !== '"')
        return fail(
          text[i] === "'"
            ? 'strings and names need double quotes'
            : `expected a property name in double quotes but found ${describeChar(text[i])}`,
        );
      error = string();
      if (error) return fail(error);
      skip();
      if (text[i] !== ':')
        return fail(`expected ':' after the property name but found ${describeChar(text[i])}`);
      i++;
      skip();
    }
    const depth = stack.length;
    error = value();
    if (error) return fail(error);
    justOpened = stack.length > depth;
  }
  skip();
  if (i < text.length) return fail(`unexpected ${describeChar(text[i])} after the end of the JSON value`);
  return fail('invalid JSON');
}

export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    if (text.trim() === '')
      return { ok: false, issue: { path: '', message: 'empty: expected JSON', line: 1, column: 1 } };
    const { offset, message } = firstSyntaxError(text);
    return { ok: false, issue: located(text, offset, message) };
  }
}
