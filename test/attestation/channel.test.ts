// Channel binding: main opens its own TLS connection to the provider's host (same SNI, system CAs
// plus any it is given) and reads the key the server presents; the report must bind that key.
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTlsKey } from '../../main/attestation/channel';
import { verifyTdxReport } from '../../main/attestation/evidence';
import { checkReport } from '../../main/attestation/report';
import { NEAR_TIME, NONCE, checkOf, nearInput, nearReport } from './evidence/samples';

const cert = readFileSync(new URL('tls/cert.pem', import.meta.url), 'utf8');
const key = readFileSync(new URL('tls/key.pem', import.meta.url), 'utf8');
const spkiOfCert = createHash('sha256')
  .update(new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' }))
  .digest('hex');

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer({ cert, key }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://localhost:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the TLS key main connected to', () => {
  it('is the SPKI of the certificate the server presents, checked against the CAs', async () => {
    const probe = await probeTlsKey(base, { ca: [cert] });
    expect(probe).toMatchObject({ problem: null, spkiSha256: spkiOfCert });
    expect(probe.host).toMatch(/^localhost:\d+$/);
  });

  it('is not taken from a server the CAs do not vouch for', async () => {
    const probe = await probeTlsKey(base);
    expect(probe.spkiSha256).toBeNull();
    expect(probe.problem).toMatch(
      /^the TLS connection to localhost:\d+ failed \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)$/,
    );
  });

  it('does not exist over plain HTTP, and the transcript says so', async () => {
    const probe = await probeTlsKey('http://127.0.0.1:9/v1');
    expect(probe.problem).toBe('127.0.0.1:9 is reached over plain HTTP: there is no TLS key to bind');
    const report = checkReport({
      body: nearReport(),
      nonce: NONCE,
      now: NEAR_TIME,
      pins: [],
      channel: probe,
    });
    expect(report.checks.find((c) => c.id === 'gateway.tls.key')).toMatchObject({
      status: 'skip',
      reason: 'no TLS key to compare: 127.0.0.1:9 is reached over plain HTTP: there is no TLS key to bind',
    });
  });

  it('passes when the attested set holds it, fails naming it when not, skips when the provider binds none', async () => {
    const probe = await probeTlsKey(base, { ca: [cert] });
    const connected = probe.spkiSha256!;
    const layer = nearReport().gateway_attestation;
    const bound = verifyTdxReport(
      nearInput(layer, { tls: { connectedKeySha256: connected, attestedKeySha256: [connected] } }),
    );
    expect(checkOf(bound, 'tls.key')).toMatchObject({ status: 'pass' });
    const other = verifyTdxReport(
      nearInput(layer, { tls: { connectedKeySha256: connected, attestedKeySha256: ['ab'.repeat(32)] } }),
    );
    expect(checkOf(other, 'tls.key')).toMatchObject({
      status: 'fail',
      reason: `the connection's key ${connected.slice(0, 16)}… is not among the 1 attested keys: another server answered`,
    });
    // NEAR's recorded report binds no TLS key: the line says so rather than failing.
    const near = checkReport({ body: nearReport(), nonce: NONCE, now: NEAR_TIME, pins: [], channel: probe });
    expect(near.checks.find((c) => c.id === 'gateway.tls.key')).toMatchObject({
      status: 'skip',
      reason: 'the provider attests no TLS key',
    });
  });
});
