// A test PKI that re-signs a real quote after an edit, so a test can change one thing in a TD
// report (the debug bit, report_data, mr_config_id) and see only the check about that thing fail,
// with every signature still valid under the test root.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { parseQuote } from '../../../main/attestation/evidence/quote';

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const content = Buffer.concat(parts);
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), content]);
}

const seq = (...parts: Uint8Array[]) => tlv(0x30, ...parts);
const OID = {
  ecdsaSha256: Buffer.from('2a8648ce3d040302', 'hex'),
  commonName: Buffer.from('550403', 'hex'),
  basicConstraints: Buffer.from('551d13', 'hex'),
};
const name = (cn: string) => seq(tlv(0x31, seq(tlv(0x06, OID.commonName), tlv(0x0c, Buffer.from(cn)))));
const time = (iso: string) => tlv(0x18, Buffer.from(`${iso.replace(/[-:T]/g, '').slice(0, 14)}Z`));

interface Authority {
  cn: string;
  key: KeyObject;
}

function certificate(
  cn: string,
  publicKey: KeyObject,
  issuer: Authority,
  ca: boolean,
  serial: number,
): Buffer {
  const algorithm = seq(tlv(0x06, OID.ecdsaSha256));
  const constraints = seq(
    tlv(0x06, OID.basicConstraints),
    tlv(0x01, Buffer.from([0xff])),
    tlv(0x04, seq(...(ca ? [tlv(0x01, Buffer.from([0xff]))] : []))),
  );
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, Buffer.from([serial])),
    algorithm,
    name(issuer.cn),
    seq(time('2020-01-01T00:00:00'), time('2040-01-01T00:00:00')),
    name(cn),
    publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, seq(constraints)),
  );
  const signature = sign('sha256', tbs, issuer.key);
  return Buffer.from(seq(tbs, algorithm, tlv(0x03, Buffer.from([0]), signature)));
}

const pem = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
const p256 = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

export interface TestPki {
  rootPem: string;
  /**
   * Re-signs `quote` after `edit` changed its signed part (header ‖ TD report, bytes 0..632 of a
   * v4 quote) in place, or returned a new signed part (to build a v5 quote).
   */
  resign(quote: Uint8Array, edit: (signed: Buffer) => Buffer | void): Uint8Array;
  /** A collateral signer under the test root: its issuer chain and a raw r‖s signature. */
  signer(cn: string): { chainPem: string; sign(text: string): string };
}

export function testPki(): TestPki {
  const root = p256();
  const ca = p256();
  const pck = p256();
  const rootAuthority = { cn: 'Test SGX Root CA', key: root.privateKey };
  const rootCert = certificate(rootAuthority.cn, root.publicKey, rootAuthority, true, 1);
  const caCert = certificate('Test SGX PCK Platform CA', ca.publicKey, rootAuthority, true, 2);
  const pckCert = certificate(
    'Test SGX PCK Certificate',
    pck.publicKey,
    { cn: 'Test SGX PCK Platform CA', key: ca.privateKey },
    false,
    3,
  );
  const chain = Buffer.from(pem(pckCert) + pem(caCert) + pem(rootCert));

  return {
    rootPem: pem(rootCert),
    signer(cn) {
      const key = p256();
      const cert = certificate(cn, key.publicKey, rootAuthority, false, 4);
      return {
        chainPem: pem(cert) + pem(rootCert),
        sign: (text) =>
          sign('sha256', Buffer.from(text), { key: key.privateKey, dsaEncoding: 'ieee-p1363' }).toString(
            'hex',
          ),
      };
    },
    resign(original, edit) {
      const q = parseQuote(original);
      const copy = Buffer.from(q.signedBytes);
      const signed = edit(copy) ?? copy;
      const attestation = p256();
      const jwk = attestation.publicKey.export({ format: 'jwk' });
      const attestationKey = Buffer.concat([
        Buffer.from(jwk.x!, 'base64url'),
        Buffer.from(jwk.y!, 'base64url'),
      ]);
      const qeReport = Buffer.from(q.qeReport.raw);
      createHash('sha256').update(attestationKey).update(q.qeAuthData).digest().copy(qeReport, 320);
      qeReport.fill(0, 352);
      const u16 = (n: number) => Buffer.from([n & 0xff, n >> 8]);
      const u32 = (n: number) => {
        const b = Buffer.alloc(4);
        b.writeUInt32LE(n);
        return b;
      };
      const certData = Buffer.concat([
        qeReport,
        sign('sha256', qeReport, { key: pck.privateKey, dsaEncoding: 'ieee-p1363' }),
        u16(q.qeAuthData.length),
        q.qeAuthData,
        u16(5),
        u32(chain.length),
        chain,
      ]);
      const signatureData = Buffer.concat([
        sign('sha256', signed, { key: attestation.privateKey, dsaEncoding: 'ieee-p1363' }),
        attestationKey,
        u16(6),
        u32(certData.length),
        certData,
      ]);
      return new Uint8Array(Buffer.concat([signed, u32(signatureData.length), signatureData]));
    },
  };
}
