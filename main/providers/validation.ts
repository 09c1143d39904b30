import { AppFailure, headerNameProblem } from '../contract';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export interface CheckedUrl {
  /** Normalised: no trailing slash, no query or fragment. */
  url: string;
  /** Set when the URL is allowed but deserves a word of caution (plain http on loopback). */
  warning: string | null;
}

const invalid = (field: string, message: string): AppFailure =>
  new AppFailure('invalid_request', message, { detail: { field } });

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * Base URLs (and OAuth endpoints) must be http(s), carry no credentials, and use plain http only
 * towards this machine: anything else would send the token in clear text over the network.
 */
export function checkServiceUrl(raw: string, field = 'baseUrl', label = 'Base URL'): CheckedUrl {
  const text = raw.trim();
  if (text === '') throw invalid(field, `${label} is required.`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(field, `${label} isn't a valid URL. It should look like https://api.example.com/v1.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(field, `${label} must start with https:// (found ${url.protocol}//).`);
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid(
      field,
      `${label} must not contain a user name or password. Remove them and save the key or token in the credential field instead.`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalid(field, `${label} must not contain a query string or fragment (the part after ? or #).`);
  }
  let warning: string | null = null;
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw invalid(
        field,
        `${label} uses plain http:// to ${url.hostname}, which would send your credentials unencrypted. Use https://, or http:// only for this machine (localhost, 127.0.0.1, ::1).`,
      );
    }
    warning = `Plain http:// is only allowed because ${url.hostname} is this machine; traffic is not encrypted.`;
  }
  const normalised = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  return { url: normalised, warning };
}

/** Far above what any gateway needs, far below what servers refuse (most stop near 8–16 KB in all). */
export const HEADER_LIMITS = { count: 50, nameChars: 256, valueChars: 8192 } as const;

/** Rejects (never silently drops) headers that would override what the app sets. */
export function checkHeaders(headers: Record<string, string>): Record<string, string> {
  const seen = new Set<string>();
  const out: Record<string, string> = {};
  const count = Object.keys(headers).length;
  if (count > HEADER_LIMITS.count)
    throw invalid('headers', `There are ${count} custom headers; the limit is ${HEADER_LIMITS.count}.`);
  for (const [name, value] of Object.entries(headers)) {
    const key = name.trim();
    if (key.length > HEADER_LIMITS.nameChars)
      throw invalid(
        'headers',
        `A custom header name is ${key.length} characters long; the limit is ${HEADER_LIMITS.nameChars}.`,
      );
    if (value.length > HEADER_LIMITS.valueChars)
      throw invalid(
        `headers.${key}`,
        `The value of ${key} is ${value.length.toLocaleString('en-US')} characters long; the limit is ${HEADER_LIMITS.valueChars.toLocaleString('en-US')}.`,
      );
    const lower = key.toLowerCase();
    const problem = headerNameProblem(key);
    if (problem) throw invalid(`headers.${key}`, `${problem} Remove it from the custom headers.`);
    if (seen.has(lower)) throw invalid(`headers.${key}`, `The header ${key} is listed twice.`);
    if (/[\r\n\0]/.test(value)) throw invalid(`headers.${key}`, `The value of ${key} must be a single line.`);
    seen.add(lower);
    out[key] = value.trim();
  }
  return out;
}
