import { z } from 'zod';
import type { OAuthConfig } from '../contract';
import { AppFailure } from '../contract';
import type { FetchLike } from '../providers/http';
import { fetchWithinOrigin, hostOf, networkFailure, readBoundedText } from '../providers/http';
import { isLoopbackHost } from '../providers/validation';

export interface OAuthEndpoints {
  issuer: string | null;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  registrationEndpoint: string | null;
  revocationEndpoint: string | null;
  /** RFC 9207: the server names itself in the redirect, so a mix-up can be detected. */
  issParameterSupported: boolean;
  /** What the server's metadata lists, or `null` when it says nothing (or was typed by hand). */
  scopesSupported: string[] | null;
}

const Metadata = z.object({
  issuer: z.string().optional(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  registration_endpoint: z.string().optional(),
  revocation_endpoint: z.string().optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  authorization_response_iss_parameter_supported: z.boolean().optional(),
  scopes_supported: z.array(z.string()).optional(),
});

/** Endpoints receive codes and tokens: https, or plain http only to this machine; no credentials. */
export function checkEndpoint(raw: string, label: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppFailure('invalid_request', `The ${label} isn't a valid URL.`, { detail: { field: label } });
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure) {
    throw new AppFailure(
      'invalid_request',
      `The ${label} must use https:// (plain http:// only for this machine): ${url.host}.`,
      {
        detail: { field: label, host: url.host },
      },
    );
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '') {
    throw new AppFailure('invalid_request', `The ${label} must not contain credentials or a fragment.`, {
      detail: { field: label },
    });
  }
  return url.toString();
}

/** RFC 8414 §3: the well-known segment goes between the host and the issuer's path. */
function metadataUrls(issuerOrBase: string): string[] {
  const url = new URL(issuerOrBase);
  const path = url.pathname.replace(/\/+$/, '');
  const urls = [];
  if (path !== '') urls.push(`${url.origin}/.well-known/oauth-authorization-server${path}`);
  urls.push(`${url.origin}/.well-known/oauth-authorization-server`);
  urls.push(`${url.origin}/.well-known/openid-configuration`);
  return urls;
}

async function fetchMetadata(fetch: FetchLike, url: string, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchWithinOrigin(fetch, url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw networkFailure(error, url, timeoutMs);
  }
  if (!response.ok) {
    await response.body?.cancel();
    return null;
  }
  try {
    return JSON.parse(await readBoundedText(response, 1 << 20, url)) as unknown;
  } catch {
    return null;
  }
}

function fromConfig(config: OAuthConfig | null): OAuthEndpoints | null {
  if (!config?.authorizationEndpoint || !config.tokenEndpoint) return null;
  return {
    issuer: config.issuer ?? null,
    authorizationEndpoint: checkEndpoint(config.authorizationEndpoint, 'authorization endpoint'),
    tokenEndpoint: checkEndpoint(config.tokenEndpoint, 'token endpoint'),
    registrationEndpoint: config.registrationEndpoint
      ? checkEndpoint(config.registrationEndpoint, 'registration endpoint')
      : null,
    revocationEndpoint: config.revocationEndpoint
      ? checkEndpoint(config.revocationEndpoint, 'revocation endpoint')
      : null,
    issParameterSupported: false,
    scopesSupported: null,
  };
}

/**
 * Endpoints typed by hand win; otherwise RFC 8414 discovery at the issuer, or at the base URL's
 * origin when no issuer is set.
 */
export async function resolveEndpoints(
  fetch: FetchLike,
  config: OAuthConfig | null,
  baseUrl: string,
  timeoutMs = 15_000,
): Promise<OAuthEndpoints> {
  const typed = fromConfig(config);
  if (typed) return typed;
  const start = config?.issuer?.trim() || baseUrl;
  const candidates = metadataUrls(start);
  for (const url of candidates) {
    const parsed = Metadata.safeParse(await fetchMetadata(fetch, url, timeoutMs));
    if (!parsed.success) continue;
    const meta = parsed.data;
    const wanted = config?.issuer?.trim().replace(/\/+$/, '');
    if (wanted && meta.issuer && meta.issuer.replace(/\/+$/, '') !== wanted) {
      throw new AppFailure(
        'protocol_error',
        `The sign-in server at ${hostOf(url)} says its issuer is ${meta.issuer}, not ${wanted}. Check the issuer URL.`,
        {
          detail: { host: hostOf(url) },
        },
      );
    }
    const methods = meta.code_challenge_methods_supported;
    if (methods && !methods.includes('S256')) {
      throw new AppFailure(
        'protocol_error',
        `The sign-in server at ${hostOf(url)} does not support PKCE with S256, which this app requires.`,
        {
          detail: { host: hostOf(url) },
        },
      );
    }
    const pick = (typed: string | undefined, found: string | undefined, label: string): string | null => {
      const chosen = typed?.trim() || found;
      return chosen ? checkEndpoint(chosen, label) : null;
    };
    return {
      issuer: meta.issuer ?? null,
      authorizationEndpoint: checkEndpoint(
        config?.authorizationEndpoint?.trim() || meta.authorization_endpoint,
        'authorization endpoint',
      ),
      tokenEndpoint: checkEndpoint(config?.tokenEndpoint?.trim() || meta.token_endpoint, 'token endpoint'),
      registrationEndpoint: pick(
        config?.registrationEndpoint,
        meta.registration_endpoint,
        'registration endpoint',
      ),
      revocationEndpoint: pick(config?.revocationEndpoint, meta.revocation_endpoint, 'revocation endpoint'),
      issParameterSupported: meta.authorization_response_iss_parameter_supported === true,
      scopesSupported: meta.scopes_supported ?? null,
    };
  }
  throw new AppFailure(
    'protocol_error',
    `No sign-in metadata found at ${hostOf(start)} (looked for /.well-known/oauth-authorization-server). Enter the authorization and token endpoints by hand.`,
    { detail: { host: hostOf(start) } },
  );
}
