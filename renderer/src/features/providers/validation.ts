import { headerNameProblem } from '../../../../main/contract';
import type { ProviderDraft } from './draft';

/**
 * Immediate feedback while typing. Main validates again on save and is the authority; these
 * rules mirror it so the user rarely meets an error only after pressing Save.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export interface UrlCheck {
  error: string | null;
  warning: string | null;
}

export function checkUrl(raw: string, label = 'Base URL', required = true): UrlCheck {
  const text = raw.trim();
  if (text === '') return { error: required ? `${label} is required.` : null, warning: null };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      error: `${label} isn’t a valid URL. It should look like https://api.example.com/v1.`,
      warning: null,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: `${label} must start with https:// (found ${url.protocol}//).`, warning: null };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      error: `${label} must not contain a user name or password; save the secret in the credential field.`,
      warning: null,
    };
  }
  if (url.search !== '' || url.hash !== '') {
    return {
      error: `${label} must not contain a query string or fragment (the part after ? or #).`,
      warning: null,
    };
  }
  if (url.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(url.hostname.toLowerCase())) {
      return {
        error: `Plain http:// to ${url.hostname} would send your credentials unencrypted. Use https://, or http:// only for this machine.`,
        warning: null,
      };
    }
    return {
      error: null,
      warning: `Plain http:// is allowed only because ${url.hostname} is this machine; traffic is not encrypted.`,
    };
  }
  if (url.hostname.endsWith('.example')) {
    return { error: null, warning: `${url.hostname} is a placeholder: replace it with your service’s host.` };
  }
  return { error: null, warning: null };
}

export function checkTimeout(text: string): string | null {
  if (text.trim() === '') return null;
  const seconds = Number(text);
  if (!Number.isFinite(seconds)) return 'Enter a number of seconds.';
  if (seconds < 0.1 || seconds > 600) return 'Between 0.1 and 600 seconds.';
  return null;
}

/** The ranges main accepts for each limit (see ProviderLimits). */
const LIMIT_RANGES = { bodyMb: [1, 1024], lineKb: [64, 65_536], messageMb: [1, 256] } as const;

function checkLimit(text: string, [min, max]: readonly [number, number]): string | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    return `A whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.`;
  return null;
}

/** Field path → message, using the same paths main puts in `error.detail.field`. */
export type FieldErrors = Record<string, string>;

export function validateDraft(draft: ProviderDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.name.trim() === '') errors.name = 'Name is required.';
  else if (draft.name.trim().length > 80) errors.name = 'Keep the name under 80 characters.';
  const base = checkUrl(draft.baseUrl);
  if (base.error) errors.baseUrl = base.error;
  const seen = new Set<string>();
  for (const row of draft.headers) {
    const name = row.name.trim();
    if (name === '' && row.value.trim() === '') continue;
    const path = `headers.${row.key}`;
    const lower = name.toLowerCase();
    if (name === '') errors[path] = 'Give the header a name, or remove the row.';
    else if (headerNameProblem(name) !== null)
      errors[path] = `${headerNameProblem(name) ?? ''} Remove it here.`;
    else if (seen.has(lower)) errors[path] = `${name} is listed twice.`;
    else if (/[\r\n\0]/.test(row.value)) errors[path] = 'The value must be a single line.';
    seen.add(lower);
  }
  for (const key of ['connect', 'firstByte', 'idle'] as const) {
    const problem = checkTimeout(draft.timeouts[key]);
    if (problem) errors[`timeouts.${key}`] = problem;
  }
  for (const key of ['bodyMb', 'lineKb', 'messageMb'] as const) {
    const problem = checkLimit(draft.limits[key], LIMIT_RANGES[key]);
    if (problem) errors[`limits.${key}`] = problem;
  }
  if (draft.authKind === 'oauth') {
    const o = draft.oauth;
    for (const key of [
      'issuer',
      'authorizationEndpoint',
      'tokenEndpoint',
      'registrationEndpoint',
      'revocationEndpoint',
    ] as const) {
      const check = checkUrl(o[key], 'This URL', false);
      if (check.error) errors[`oauth.${key}`] = check.error;
    }
  }
  return errors;
}

/**
 * Main names the failing field as `headers.<Header-Name>`; the form keys rows by a local id,
 * so translate it to the row that carries that name.
 */
export function fieldPathFromServer(field: string, draft: ProviderDraft): string {
  if (!field.startsWith('headers.')) return field;
  const name = field.slice('headers.'.length).toLowerCase();
  const row = draft.headers.find((r) => r.name.trim().toLowerCase() === name);
  return row ? `headers.${row.key}` : 'headers';
}

/** "Required" complaints wait for the first save attempt; format problems show while typing. */
export function visibleErrors(errors: FieldErrors, draft: ProviderDraft, submitted: boolean): FieldErrors {
  if (submitted) return errors;
  const out: FieldErrors = { ...errors };
  if (draft.name.trim() === '') delete out.name;
  if (draft.baseUrl.trim() === '') delete out.baseUrl;
  return out;
}
