/** X.509 CRLs (RFC 5280 §5), just what collateral checking needs: dates, revoked serials, signature. */
import type { KeyObject } from 'node:crypto';
import { EvidenceError } from './bytes';
import { verifyDer } from './certs';
import { children, integerHex, signedParts, time, type Tlv } from './der';

export interface Crl {
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Revoked serial numbers, lowercase hex without leading zeros. */
  revoked: Set<string>;
  tbs: Uint8Array;
  signature: Uint8Array;
}

const isTime = (t: Tlv | undefined): t is Tlv => t !== undefined && (t.tag === 0x17 || t.tag === 0x18);

export function parseCrl(der: Uint8Array, what: string): Crl {
  const { tbs, tbsTlv, signature } = signedParts(der, what);
  const fields = children(der, tbsTlv);
  // version (optional INTEGER), signature algorithm, issuer, thisUpdate, nextUpdate?, revoked?
  let i = fields[0]?.tag === 0x02 ? 3 : 2;
  const thisTlv = fields[i++];
  if (!isTime(thisTlv)) throw new EvidenceError(`${what} lacks thisUpdate`);
  const thisUpdate = time(der, thisTlv);
  const nextTlv = fields[i];
  const nextUpdate = isTime(nextTlv) ? time(der, nextTlv) : undefined;
  if (nextUpdate) i++;
  const revoked = new Set<string>();
  if (fields[i]?.tag === 0x30) {
    for (const entry of children(der, fields[i]!)) revoked.add(integerHex(der, children(der, entry)[0]!));
  }
  return { thisUpdate, nextUpdate, revoked, tbs, signature };
}

export function crlSignatureValid(crl: Crl, issuerKey: KeyObject): boolean {
  return verifyDer('sha256', issuerKey, crl.tbs, crl.signature);
}
