import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CONFIDENTIAL_CATALOG,
  GALADRIEL_CATALOG,
  confidentialListEntry,
  galadrielListEntry,
  scopePermits,
} from './catalog';
import { handleChatCompletion } from './completions';
import type { Api } from './errors';
import { authError } from './errors';
import { handleControl } from './control';
import { MockAttestation } from './attestation';
import { bearerToken, parseJson, readBody, sendJson, sendOpenAiError } from './http';
import { verifyJwt } from './jwt';
import { OAuthServer } from './oauth';
import { MockState } from './state';
import type { ClientClosedEvent, MockProvider, StartOptions } from './types';

export { mintJwt } from './jwt';
export { OAUTH_SCOPES, OAUTH_SUBJECT, PREREGISTERED_CLIENT_ID } from './oauth';
export type * from './types';

/** Fixed so a test process can know the key of a mock started elsewhere. */
export const GALADRIEL_API_KEY = 'gal-mock-0123456789abcdef0123456789abcdef';

interface Routes {
  state: MockState;
  oauth: OAuthServer;
  apiKey: string;
  attestation: MockAttestation;
}

function listModels(api: Api, req: IncomingMessage, res: ServerResponse, routes: Routes): void {
  const token = bearerToken(req);
  if (api === 'galadriel') {
    if (token !== routes.apiKey) return sendJson(res, 401, authError('galadriel'));
    return sendJson(res, 200, { object: 'list', data: GALADRIEL_CATALOG.map(galadrielListEntry) });
  }
  const verified = token === null ? null : verifyJwt(token);
  if (!verified?.ok) {
    return sendJson(
      res,
      401,
      authError(
        'confidential',
        verified?.message ?? 'missing bearer token',
        verified?.code ?? 'missing_token',
      ),
    );
  }
  if (verified.token.jti !== null && routes.state.revokedJtis.has(verified.token.jti)) {
    return sendJson(res, 401, authError('confidential', 'access token revoked', 'token_revoked'));
  }
  const visible = CONFIDENTIAL_CATALOG.filter((m) => scopePermits(verified.token.scopes, m));
  sendJson(res, 200, { object: 'list', data: visible.map(confidentialListEntry) });
}

async function route(req: IncomingMessage, res: ServerResponse, routes: Routes): Promise<void> {
  const { state, oauth } = routes;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  const body = await readBody(req);
  if (path === '/__mock/attestation') {
    const parsed = parseJson(body);
    return routes.attestation.control(method, parsed.ok ? parsed.value : null, res);
  }
  if (path === '/__mock/reset') routes.attestation.reset();
  if (path.startsWith('/__mock/'))
    return handleControl(method, path, url.searchParams, body, res, state, oauth);
  state.requests.push({
    method,
    path,
    url: req.url ?? '/',
    headers: { ...req.headers },
    body,
    bodyText: body.toString('utf8'),
    time: Date.now(),
  });
  const key = `${method} ${path}`;
  if (routes.attestation.route(method, path, res)) return;
  if (key === 'POST /api/v1/chat/completions')
    routes.attestation.capture(req, res, body, '/api/v1/chat/completions');
  switch (key) {
    case 'GET /.well-known/oauth-authorization-server':
    case 'GET /.well-known/oauth-authorization-server/api/v1':
      return sendJson(res, 200, oauth.metadata());
    case 'POST /api/v1/auth/register':
      return oauth.register(res, body);
    case 'GET /api/v1/auth/authorize':
      return oauth.authorize(res, url.searchParams);
    case 'POST /api/v1/auth/token':
      return oauth.token(req, res, body);
    case 'POST /api/v1/auth/revoke':
      return oauth.revoke(req, res, body);
    case 'GET /api/v1/models':
      return listModels('confidential', req, res, routes);
    case 'GET /v1/models':
      return listModels('galadriel', req, res, routes);
    case 'POST /api/v1/chat/completions':
      return handleChatCompletion({ api: 'confidential', req, res, body, state, apiKey: routes.apiKey });
    case 'POST /v1/chat/completions':
      return handleChatCompletion({ api: 'galadriel', req, res, body, state, apiKey: routes.apiKey });
    default:
      return sendOpenAiError(res, 404, `no route for ${key}`, 'invalid_request_error', 'not_found');
  }
}

export async function startMockProvider(opts: StartOptions = {}): Promise<MockProvider> {
  const state = new MockState({
    chunkDelayMs: opts.chunkDelayMs ?? 5,
    initialCredits: opts.initialCredits ?? 1_000_000,
    accessTokenTtlSec: opts.accessTokenTtlSec ?? 300,
  });
  // The handler is attached after listen because the OAuth issuer needs the bound port;
  // connections are only served on a later turn, so none can arrive unhandled.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('mock provider did not bind a TCP port');
  const url = `http://127.0.0.1:${address.port}`;
  const oauth = new OAuthServer(state, url);
  const routes: Routes = { state, oauth, apiKey: GALADRIEL_API_KEY, attestation: new MockAttestation() };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, routes).catch((error: unknown) => {
      if (!res.headersSent)
        sendOpenAiError(res, 500, `mock provider bug: ${String(error)}`, 'server_error', null);
      else res.destroy();
    });
  });

  return {
    url,
    confidentialBase: `${url}/api/v1`,
    galadrielBase: `${url}/v1`,
    apiKey: GALADRIEL_API_KEY,
    requests: state.requests,
    script: (...steps) => state.script(steps),
    pendingSteps: () => state.pendingSteps(),
    setCredits: (subject, credits) => state.setCredits(subject, credits),
    getCredits: (subject) => state.balance(subject),
    configureOAuth: (behaviour) => Object.assign(state.oauth, behaviour),
    clientClosed: async (): Promise<ClientClosedEvent> => {
      const event = await state.nextClientClosed();
      if (!event) throw new Error('mock provider closed before a client disconnected');
      return event;
    },
    reset: () => {
      state.reset();
      oauth.reset();
    },
    close: async () => {
      state.shutdown.abort();
      state.releaseWaiters();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
