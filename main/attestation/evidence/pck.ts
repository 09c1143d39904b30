/** Intel's SGX extension of a PCK certificate: the platform TCB the collateral is matched against. */
import { EvidenceError, toHex } from './bytes';
import { children, content, expectTag, oid, readTlv, smallInteger } from './der';

const SGX_EXTENSION = '1.2.840.113741.1.13.1';

export interface PckExtension {
  /** Uppercase hex, as TCB info writes it. */
  fmspc: string;
  pceId: string;
  /** The 16 SGX TCB component SVNs (CPUSVN). */
  cpuSvn: number[];
  pceSvn: number;
}

function extensions(der: Uint8Array): Map<string, Uint8Array> {
  const cert = expectTag(readTlv(der, 0), 0x30, 'PCK certificate');
  const tbs = expectTag(children(der, cert)[0], 0x30, 'PCK certificate body');
  const wrapper = children(der, tbs).find((c) => c.tag === 0xa3);
  if (!wrapper) throw new EvidenceError('the PCK certificate has no extensions');
  const list = expectTag(children(der, wrapper)[0], 0x30, 'PCK extensions');
  const out = new Map<string, Uint8Array>();
  for (const ext of children(der, list)) {
    const parts = children(der, ext);
    const value = parts.at(-1);
    out.set(oid(der, parts[0]!), content(der, expectTag(value, 0x04, 'extension value')));
  }
  return out;
}

export function pckExtension(der: Uint8Array): PckExtension {
  const value = extensions(der).get(SGX_EXTENSION);
  if (!value) throw new EvidenceError('the PCK certificate lacks the Intel SGX extension');
  const root = expectTag(readTlv(value, 0), 0x30, 'SGX extension');
  const fields = new Map<string, { tlv: ReturnType<typeof readTlv> }>();
  for (const entry of children(value, root)) {
    const [id, v] = children(value, entry);
    fields.set(oid(value, id!), { tlv: v! });
  }
  const get = (suffix: string): ReturnType<typeof readTlv> => {
    const f = fields.get(`${SGX_EXTENSION}.${suffix}`);
    if (!f) throw new EvidenceError(`the SGX extension lacks ${SGX_EXTENSION}.${suffix}`);
    return f.tlv;
  };
  const tcb = expectTag(get('2'), 0x30, 'SGX TCB');
  const svns = new Map<string, ReturnType<typeof readTlv>>();
  for (const entry of children(value, tcb)) {
    const [id, v] = children(value, entry);
    svns.set(oid(value, id!), v!);
  }
  const svn = (n: number): number => {
    const t = svns.get(`${SGX_EXTENSION}.2.${n}`);
    if (!t) throw new EvidenceError(`the SGX TCB lacks component ${n}`);
    return smallInteger(value, t);
  };
  return {
    fmspc: toHex(content(value, get('4'))).toUpperCase(),
    pceId: toHex(content(value, get('3'))).toUpperCase(),
    cpuSvn: Array.from({ length: 16 }, (_, i) => svn(i + 1)),
    pceSvn: svn(17),
  };
}
