/**
 * The renderer's Content-Security-Policy. In the app nothing may be fetched (`connect-src 'none'`):
 * the renderer reaches the network only through main. The test bridge allows its own origin.
 */
export function contentSecurityPolicy(options: { connect?: string[] } = {}): string {
  const connect = options.connect?.length ? options.connect.join(' ') : `'none'`;
  return [
    `default-src 'none'`,
    `script-src 'self'`,
    // Inline styles are needed by CodeMirror and KaTeX; scripts stay strictly 'self'.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self' data:`,
    `connect-src ${connect}`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-src 'none'`,
    `object-src 'none'`,
    `worker-src 'self'`,
  ].join('; ');
}
