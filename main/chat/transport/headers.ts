/** Which response headers are kept with a message, and what they say about credits and retries. */
import { headerVariable } from '../../contract';

const KEEP =
  /^(?:x-credits-|x-ratelimit-|openai-|anthropic-ratelimit-)|^(?:retry-after|x-request-id|request-id|content-type|date|cf-ray)$/;

export function pickHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (KEEP.test(name)) out[name] = value;
  });
  return out;
}

export function requestIdOf(headers: Record<string, string>): string | null {
  return (
    headers['x-request-id'] ??
    headers['request-id'] ??
    headers['openai-request-id'] ??
    headers['cf-ray'] ??
    null
  );
}

const numberOf = (value: string | undefined): number | null => {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

export function creditsOf(headers: Record<string, string>): {
  consumed: number | null;
  remaining: number | null;
} {
  return {
    consumed: numberOf(headers['x-credits-consumed']),
    remaining: numberOf(headers['x-credits-remaining']),
  };
}

/** Go-style durations as OpenAI sends them in `x-ratelimit-reset-*`: "1s", "6m0s", "250ms", "1h2m3.5s". */
export function parseDuration(text: string): number | null {
  const value = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value) * 1000;
  const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 } as const;
  const re = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(value); m !== null; m = re.exec(value)) {
    const [, amount, suffix] = m;
    total += Number(amount) * unit[suffix as keyof typeof unit];
    matched = re.lastIndex;
  }
  return matched === value.length && matched > 0 ? Math.round(total) : null;
}

/** `Retry-After` in seconds or as an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * How long the provider asked us to wait: `Retry-After` wins; otherwise the longest
 * `x-ratelimit-reset-*` among the limits that are used up (or all, when none says which).
 */
export function retryHint(headers: Record<string, string>, now: number): number | null {
  const explicit = parseRetryAfter(headers['retry-after'], now);
  if (explicit !== null) return explicit;
  let exhausted: number | null = null;
  let any: number | null = null;
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('x-ratelimit-reset-')) continue;
    const ms = parseDuration(value);
    if (ms === null) continue;
    any = Math.max(any ?? 0, ms);
    const remaining = headers[`x-ratelimit-remaining-${name.slice('x-ratelimit-reset-'.length)}`];
    if (remaining !== undefined && Number(remaining) <= 0) exhausted = Math.max(exhausted ?? 0, ms);
  }
  return exhausted ?? any;
}

const SECRET_NAME = /^(?:authorization|proxy-authorization|x-api-key|api-key|cookie)$|key|token|secret/i;

/**
 * Request headers as the inspector shows them: the credential becomes `$API_KEY` and any other
 * secret header a variable named after it (`X-Org-Key` → `$X_ORG_KEY`), so a copied curl command
 * works with the variables set and no secret is ever stored.
 */
export function redactHeaders(
  headers: Record<string, string>,
  secrets: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const secret = name in secrets || SECRET_NAME.test(name);
    if (!secret) {
      out[name] = value;
      continue;
    }
    const scheme = /^(Bearer|Basic|Token)\s+/i.exec(value);
    const variable = `$${headerVariable(name)}`;
    out[name] = scheme ? `${scheme[1]} ${variable}` : variable;
  }
  return out;
}
