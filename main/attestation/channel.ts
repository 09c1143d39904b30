/**
 * Channel binding. The chat requests go through Electron's net stack, which does not say which
 * TLS key it connected to, so main opens its own TLS connection to the same host and port (same
 * SNI, the system's CAs, certificate checked) and reads the peer's public key: the SPKI SHA-256
 * the report must bind for "Channel bound".
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import tls from 'node:tls';

export type ChannelProbe =
  | { host: string; spkiSha256: string; certSha256: string; problem: null }
  | { host: string; spkiSha256: null; certSha256: null; problem: string };

export interface ProbeOptions {
  /** Extra trust anchors (PEM), on top of the system's: tests and a provider's private CA. */
  ca?: string[];
  timeoutMs?: number;
}

/** The system's CAs and Node's bundled ones (Electron's Node may not list the system's). */
function trusted(extra: string[]): string[] | undefined {
  const list = (tls as { getCACertificates?: (kind: string) => string[] }).getCACertificates;
  if (!list) return extra.length > 0 ? [...tls.rootCertificates, ...extra] : undefined;
  return [...new Set([...list('default'), ...list('system'), ...extra])];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Connects to the provider's host the way its chat requests do and reads the key it presents. */
export function probeTlsKey(baseUrl: string, options: ProbeOptions = {}): Promise<ChannelProbe> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return Promise.resolve({
      host: baseUrl,
      spkiSha256: null,
      certSha256: null,
      problem: 'the base URL is not a URL',
    });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const fail = (problem: string): ChannelProbe => ({
    host: url.host,
    spkiSha256: null,
    certSha256: null,
    problem,
  });
  if (url.protocol !== 'https:')
    return Promise.resolve(fail(`${url.host} is reached over plain HTTP: there is no TLS key to bind`));
  return new Promise<ChannelProbe>((resolve) => {
    const socket = tls.connect({
      host,
      port: Number(url.port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      ca: trusted(options.ca ?? []),
      rejectUnauthorized: true,
      ALPNProtocols: ['http/1.1'],
    });
    const done = (probe: ChannelProbe) => {
      socket.destroy();
      resolve(probe);
    };
    socket.setTimeout(options.timeoutMs ?? 10_000, () =>
      done(fail(`the TLS connection to ${url.host} timed out`)),
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done(fail(`the TLS connection to ${url.host} failed (${error.code ?? error.message})`)),
    );
    socket.once('secureConnect', () => {
      const cert = socket.getPeerX509Certificate();
      if (!cert) return done(fail(`${url.host} presented no certificate`));
      const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
      done({ host: url.host, spkiSha256: sha256(spki), certSha256: sha256(cert.raw), problem: null });
    });
  });
}
