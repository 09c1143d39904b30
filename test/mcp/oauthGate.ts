import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';

/**
 * A protected MCP resource for tests: the mock provider's OAuth server in front of the test MCP
 * HTTP server. Each request's bearer token is checked against the mock's own API (expired,
 * revoked or missing → 401 with the RFC 9728 `resource_metadata` pointer), then passed through.
 */
export async function startOAuthGate(options: { mcpUrl: string; issuer: string }) {
  let calls = 0;
  let refused = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const path = new URL(req.url ?? '/', base).pathname;
      if (path.startsWith('/.well-known/oauth-protected-resource')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            resource: `${base}/mcp`,
            authorization_servers: [options.issuer],
            scopes_supported: ['llm-all', 'offline_access'],
          }),
        );
        return;
      }
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const check = token
        ? await fetch(`${options.issuer}/api/v1/models`, { headers: { authorization: `Bearer ${token}` } })
        : null;
      if (!check?.ok) {
        refused += 1;
        res.writeHead(401, {
          'www-authenticate': `Bearer resource_metadata="${base}/.well-known/oauth-protected-resource/mcp"`,
          'content-type': 'application/json',
        });
        res.end(JSON.stringify({ error: 'invalid_token' }));
        return;
      }
      calls += 1;
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers))
        if (
          typeof value === 'string' &&
          !['host', 'authorization', 'content-length', 'connection'].includes(key)
        )
          headers[key] = value;
      const upstream = await fetch(options.mcpUrl, {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, key) => {
        if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(key))
          out[key] = value;
      });
      res.writeHead(upstream.status, out);
      if (!upstream.body) return res.end();
      const body = Readable.fromWeb(upstream.body as WebStream);
      // A client closing its event stream (a stop) ends both sides quietly.
      body.on('error', () => res.destroy());
      res.on('close', () => body.destroy());
      body.pipe(res);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  return {
    url,
    get calls() {
      return calls;
    },
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
