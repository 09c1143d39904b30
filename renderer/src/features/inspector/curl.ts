import { headerVariable } from '../../../../main/contract';

/** POSIX single-quoting: everything literal, a `'` closed, escaped and reopened. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_\-./:=@%+,]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Double-quoting that keeps `$variable` live and makes every other `$`, backtick, `"` and `\`
 * literal, so only the secret comes from the environment.
 */
export function shellQuoteKeeping(value: string, variable: string): string {
  const placeholder = `$${variable}`;
  const parts = value.split(placeholder).map((p) => p.replace(/[\\"$`]/g, (c) => `\\${c}`));
  let quoted = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    // `$API_KEYx` would name another variable; braces end the name where the key ends.
    quoted += (/^[A-Za-z0-9_]/.test(part) ? `\${${variable}}` : placeholder) + part;
  }
  return `"${quoted}"`;
}

/**
 * The variables a command reads its secrets from: main stores each secret header as `$` and the
 * header's variable (`API_KEY` for the credential).
 */
export function curlVariables(headers: Readonly<Record<string, string>>): string[] {
  const names = Object.entries(headers)
    .filter(([name, value]) => value.includes(`$${headerVariable(name)}`))
    .map(([name]) => headerVariable(name));
  return [...new Set(names)];
}

/** Headers curl sets itself from the command; repeating them could contradict the real body. */
const COMPUTED = new Set(['content-length', 'host', 'connection', 'accept-encoding']);

export interface CurlInput {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string;
  /** A body too long for a command line (attachments) is read from this file instead. */
  bodyFile?: string;
}

/** Bodies past this many bytes go in a file beside the command (shells and clipboards choke). */
export const CURL_INLINE_MAX_BYTES = 256 * 1024;

/** A copy-pasteable command that sends the same bytes; secrets are read from the environment. */
export function buildCurl({ url, headers, body, bodyFile }: CurlInput): string {
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
    const variable = headerVariable(name);
    lines.push(
      `-H ${value.includes(`$${variable}`) ? shellQuoteKeeping(header, variable) : shellQuote(header)}`,
    );
  }
  lines.push(`--data-binary ${bodyFile ? shellQuote(`@${bodyFile}`) : shellQuote(body)}`);
  return lines.join(' \\\n  ');
}
