export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://llm-desk`;

/** The window may only ever show our own pages. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'llm-desk';
  } catch {
    return false;
  }
}

/** Only https: links leave the app, and only through the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** OAuth sign-in may open a loopback http: authorization page (a provider running on this machine). */
export function isLoopbackHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  } catch {
    return false;
  }
}
