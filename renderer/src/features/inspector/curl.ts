/** The placeholder main puts where the credential was; the shell expands it from the user's environment. */
export const API_KEY_PLACEHOLDER = '$API_KEY';

/** POSIX single-quoting: everything literal, a `'` closed, escaped and reopened. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_\-./:=@%+,]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Double-quoting that keeps `$API_KEY` live and makes every other `$`, backtick, `"` and `\`
 * literal, so only the key comes from the environment.
 */
export function shellQuoteKeepingKey(value: string): string {
  const parts = value.split(API_KEY_PLACEHOLDER).map((p) => p.replace(/[\\"$`]/g, (c) => `\\${c}`));
  let quoted = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    // `$API_KEYx` would name another variable; braces end the name where the key ends.
    quoted += (/^[A-Za-z0-9_]/.test(part) ? '${API_KEY}' : API_KEY_PLACEHOLDER) + part;
  }
  return `"${quoted}"`;
}

/** Headers curl sets itself from the command; repeating them could contradict the real body. */
const COMPUTED = new Set(['content-length', 'host', 'connection', 'accept-encoding']);

export interface CurlInput {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** A copy-pasteable command that sends the same bytes; the secret is read from `$API_KEY`. */
export function buildCurl({ url, headers, body }: CurlInput): string {
  const lines = [`curl ${shellQuote(url)}`];
  let streams = false;
  try {
    const parsed = JSON.parse(body) as unknown;
    streams =
      parsed !== null && typeof parsed === 'object' && (parsed as Record<string, unknown>).stream === true;
  } catch {
    // A body that is not JSON is still sent byte for byte; it just cannot ask for a stream.
  }
  if (streams) lines.push('-N');
  for (const [name, value] of Object.entries(headers)) {
    if (COMPUTED.has(name.toLowerCase())) continue;
    const header = `${name}: ${value}`;
    lines.push(
      `-H ${header.includes(API_KEY_PLACEHOLDER) ? shellQuoteKeepingKey(header) : shellQuote(header)}`,
    );
  }
  lines.push(`--data-binary ${shellQuote(body)}`);
  return lines.join(' \\\n  ');
}
