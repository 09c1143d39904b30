import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from './csp';

import { APP_SCHEME } from './navigation';

export { APP_ORIGIN, APP_SCHEME } from './navigation';

/**
 * Must run before `app.ready`: a standard, secure scheme gets a real origin and storage. With
 * `codeCache` V8 keeps the compiled renderer scripts between starts (Electron allows it for
 * standard schemes only), so a start after the first compiles less; the scripts' names carry their
 * content hash, so a new build is never served an old compile.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        codeCache: true,
        supportFetchAPI: false,
        corsEnabled: false,
      },
    },
  ]);
}

/** Serves the built renderer from disk with the production CSP as a header, never outside its folder. */
export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir) + sep;
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      // A malformed %-sequence is the request's fault: answer it, never throw inside the handler.
      return new Response('bad request', { status: 400 });
    }
    const file = normalize(join(rendererDir, path));
    if (url.host !== 'llm-desk' || !file.startsWith(root)) return new Response('not found', { status: 404 });
    // A file: URL never redirects; should one ever claim to, the page is not served from elsewhere.
    const response = await net.fetch(pathToFileURL(file).toString(), { redirect: 'error' });
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', contentSecurityPolicy());
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
