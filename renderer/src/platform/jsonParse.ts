import { syntaxErrorOffset } from './jsonLocate';

export type ParsedJson =
  { ok: true; value: unknown } | { ok: false; message: string; position: number | null };

const lineAndColumn = (text: string, position: number): string => {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
};

/** JSON.parse, with the failure's offset (from the engine's message or our own scan) for pointing at it. */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (text.trim() === '') return { ok: false, message: 'empty: expected a JSON value', position: 0 };
    const raw = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(raw);
    const position = at?.[1] !== undefined ? Number(at[1]) : syntaxErrorOffset(text);
    // The engine quotes the whole input in some messages; the place is more useful than the echo.
    const reason = raw.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    return {
      ok: false,
      message: position === null ? reason : `${reason} (${lineAndColumn(text, position)})`,
      position,
    };
  }
}
