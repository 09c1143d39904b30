/**
 * Certificates and ECDSA through node:crypto (OpenSSL): synchronous and about ten times faster
 * than pure-JS curves, which keeps a full report (≈60 signatures) inside its 150 ms budget.
 * @peculiar/x509 needs a global reflect-metadata polyfill and verifies only asynchronously, so
 * it is not used here.
 */
import { X509Certificate, createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { CertSummary } from './types';
import { EvidenceError, equalBytes, fromBase64 } from './bytes';

const MAX_CHAIN = 8;
const PEM_RE = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function pemToDers(text: string, what: string): Uint8Array[] {
  const ders = [...text.matchAll(PEM_RE)].map((m) => fromBase64(m[1]!.replace(/\s+/g, ''), what));
  if (ders.length === 0) throw new EvidenceError(`${what} holds no PEM certificate`);
  if (ders.length > MAX_CHAIN)
    throw new EvidenceError(`${what} holds ${ders.length} certificates, more than ${MAX_CHAIN}`);
  return ders;
}

export function parseCert(der: Uint8Array, what: string): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    throw new EvidenceError(`${what} is not a readable X.509 certificate`);
  }
}

/**
 * Certificates and verified issuer links shared within one verification: the eight GPU chains
 * share their upper certificates and the three NEAR quotes their PCK CAs, so each is parsed and
 * each signature checked once. Never shared across verifications.
 */
export interface CertCache {
  parsed: Map<string, X509Certificate>;
  verified: Map<X509Certificate, Set<X509Certificate>>;
}

export function createCertCache(): CertCache {
  return { parsed: new Map(), verified: new Map() };
}

export function parsePemChain(text: string, what: string, cache?: CertCache): X509Certificate[] {
  return pemToDers(text, what).map((der, i) => {
    const key = cache ? Buffer.from(der).toString('base64') : '';
    const hit = cache?.parsed.get(key);
    if (hit) return hit;
    const cert = parseCert(der, `${what} certificate ${i + 1}`);
    cache?.parsed.set(key, cert);
    return cert;
  });
}

function signedBy(cert: X509Certificate, issuer: X509Certificate, cache?: CertCache): boolean {
  if (cache?.verified.get(cert)?.has(issuer)) return true;
  const ok = cert.verify(issuer.publicKey);
  if (ok && cache) cache.verified.set(cert, (cache.verified.get(cert) ?? new Set()).add(issuer));
  return ok;
}

const rootCache = new Map<string, X509Certificate>();
export function rootCert(pem: string): X509Certificate {
  let cert = rootCache.get(pem);
  if (!cert) {
    cert = parsePemChain(pem, 'trust root')[0]!;
    rootCache.set(pem, cert);
  }
  return cert;
}

/** A distinguished name on one line, common name first (issuers order their RDNs differently). */
function name(text: string): string {
  const parts = text.split('\n').filter(Boolean);
  return [...parts.filter((p) => p.startsWith('CN=')), ...parts.filter((p) => !p.startsWith('CN='))].join(
    ', ',
  );
}

export function commonName(cert: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1] ?? name(cert.subject);
}

const iso = (d: Date): string => (Number.isNaN(d.getTime()) ? 'unreadable date' : d.toISOString());

export function summarize(cert: X509Certificate): CertSummary {
  return {
    subject: name(cert.subject),
    issuer: name(cert.issuer),
    notBefore: iso(cert.validFromDate),
    notAfter: iso(cert.validToDate),
    sha256: sha256Hex(cert.raw),
  };
}

function timeProblem(cert: X509Certificate, now: Date): string | null {
  if (Number.isNaN(cert.validFromDate.getTime()) || Number.isNaN(cert.validToDate.getTime()))
    return `"${commonName(cert)}" has an unreadable validity period`;
  if (now < cert.validFromDate)
    return `"${commonName(cert)}" is not valid before ${cert.validFromDate.toISOString()}`;
  if (now > cert.validToDate) return `"${commonName(cert)}" expired at ${cert.validToDate.toISOString()}`;
  return null;
}

/**
 * Verifies `chain` (leaf first) up to `root`: each certificate is issued and signed by the next,
 * issuers are CAs, and every certificate (root included) is valid at `now`. The chain may or may
 * not end with a copy of the root. Returns null when it holds, else the first problem.
 */
export function chainProblem(
  chain: X509Certificate[],
  root: X509Certificate,
  now: Date,
  cache?: CertCache,
): string | null {
  const certs = chain.length > 0 && equalBytes(chain.at(-1)!.raw, root.raw) ? chain.slice(0, -1) : chain;
  if (certs.length === 0) return 'the chain holds only the root';
  for (let i = 0; i < certs.length; i++) {
    const cert = certs[i]!;
    const issuer = certs[i + 1] ?? root;
    if (i + 1 === certs.length && !cert.checkIssued(root) && cert.checkIssued(cert))
      return `the chain ends at the self-signed "${commonName(cert)}", not the pinned root "${commonName(root)}"`;
    if (i + 1 === certs.length && !cert.checkIssued(root))
      return `the chain ends at "${commonName(cert)}", issued by "${name(cert.issuer)}", not by the pinned root "${commonName(root)}"`;
    if (!cert.checkIssued(issuer)) return `"${commonName(cert)}" is not issued by "${commonName(issuer)}"`;
    if (!issuer.ca) return `"${commonName(issuer)}" is not a CA certificate`;
    if (!signedBy(cert, issuer, cache))
      return `the signature on "${commonName(cert)}" does not verify under "${commonName(issuer)}"`;
  }
  for (const cert of [...certs, root]) {
    const problem = timeProblem(cert, now);
    if (problem) return problem;
  }
  return null;
}

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** A P-256 or P-384 public key from its raw x‖y coordinates. */
export function ecKeyFromRaw(xy: Uint8Array, curve: 'P-256' | 'P-384'): KeyObject | null {
  const half = curve === 'P-256' ? 32 : 48;
  if (xy.length !== half * 2) return null;
  try {
    return createPublicKey({
      key: { kty: 'EC', crv: curve, x: b64url(xy.subarray(0, half)), y: b64url(xy.subarray(half)) },
      format: 'jwk',
    });
  } catch {
    return null;
  }
}

/** ECDSA over `data` with a raw r‖s signature (as quotes, SPDM and COSE carry them). */
export function verifyRaw(
  hash: 'sha256' | 'sha384',
  key: KeyObject,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    return verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

/** ECDSA with a DER signature (as CRLs carry them). */
export function verifyDer(
  hash: 'sha256' | 'sha384',
  key: KeyObject,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    return verify(hash, data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
