import type { ServerResponse } from 'node:http';
import { isRecord, parseJson, sendJson } from './http';
import { mintJwt } from './jwt';
import type { OAuthServer } from './oauth';
import { ScriptError, parseSteps } from './script';
import type { MockState } from './state';
import type { JwtScopeClaim } from './types';

/**
 * `/__mock/*`: the same controls as the in-process API, for tests whose app
 * runs in another process. Unauthenticated on purpose: loopback test server.
 */
export async function handleControl(
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
  res: ServerResponse,
  state: MockState,
  oauth: OAuthServer,
): Promise<void> {
  const json = body.length > 0 ? parseJson(body) : { ok: true as const, value: undefined };
  if (!json.ok) return sendJson(res, 400, { error: 'body is not JSON' });
  const input = json.value;
  const route = `${method} ${path}`;
  try {
    switch (route) {
      case 'POST /__mock/script': {
        const steps = parseSteps(input);
        state.script(steps);
        return sendJson(res, 200, { queued: steps.length, pending: state.pendingSteps() });
      }
      case 'GET /__mock/requests':
        return sendJson(
          res,
          200,
          state.requests.map((r) => ({ ...r, body: r.body.toString('base64'), bodyEncoding: 'base64' })),
        );
      case 'POST /__mock/reset':
        state.reset();
        oauth.reset();
        return sendJson(res, 200, { ok: true });
      case 'POST /__mock/credits': {
        if (!isRecord(input) || typeof input.subject !== 'string' || typeof input.credits !== 'number') {
          return sendJson(res, 400, { error: 'expected {subject: string, credits: number}' });
        }
        state.setCredits(input.subject, input.credits);
        return sendJson(res, 200, { subject: input.subject, credits: state.balance(input.subject) });
      }
      case 'POST /__mock/request-limit': {
        if (!isRecord(input) || typeof input.bytes !== 'number')
          return sendJson(res, 400, { error: 'expected {bytes: number}' });
        state.requestLimitBytes = input.bytes;
        return sendJson(res, 200, { bytes: state.requestLimitBytes });
      }
      case 'POST /__mock/oauth':
        return configureOAuth(res, state, input);
      case 'POST /__mock/jwt':
        return mint(res, input);
      case 'GET /__mock/client-closed': {
        const timeoutMs = Number(query.get('timeoutMs') ?? '10000');
        const event = await state.nextClientClosed(Number.isFinite(timeoutMs) ? timeoutMs : 10_000);
        return event
          ? sendJson(res, 200, event)
          : sendJson(res, 408, { error: 'no client disconnect before the timeout' });
      }
      default:
        return sendJson(res, 404, { error: `unknown control route ${route}` });
    }
  } catch (error) {
    if (error instanceof ScriptError) return sendJson(res, 400, { error: error.message });
    throw error;
  }
}

function configureOAuth(res: ServerResponse, state: MockState, input: unknown): void {
  if (!isRecord(input)) return sendJson(res, 400, { error: 'expected an object' });
  if (typeof input.deny === 'boolean') state.oauth.deny = input.deny;
  if (input.grantScopes === null || Array.isArray(input.grantScopes)) {
    state.oauth.grantScopes =
      input.grantScopes?.filter((s: unknown): s is string => typeof s === 'string') ?? null;
  }
  if (typeof input.accessTokenTtlSec === 'number') state.oauth.accessTokenTtlSec = input.accessTokenTtlSec;
  sendJson(res, 200, state.oauth);
}

const CLAIMS: readonly JwtScopeClaim[] = ['scope', 'scp', 'scopes', 'permissions'];

function mint(res: ServerResponse, input: unknown): void {
  if (!isRecord(input) || !Array.isArray(input.scopes))
    return sendJson(res, 400, { error: 'expected {scopes: string[]}' });
  const claim = CLAIMS.find((c) => c === input.claim);
  const token = mintJwt({
    scopes: input.scopes.filter((s: unknown): s is string => typeof s === 'string'),
    expiresInSec: typeof input.expiresInSec === 'number' ? input.expiresInSec : undefined,
    sub: typeof input.sub === 'string' ? input.sub : undefined,
    claim,
  });
  sendJson(res, 200, { token });
}
